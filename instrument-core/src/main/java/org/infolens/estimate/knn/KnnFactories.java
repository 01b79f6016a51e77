package org.infolens.estimate.knn;

import java.util.ArrayList;
import java.util.List;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureFactory;
import org.infolens.measure.Parameters;

/** The k-NN families from text parameters, named as in the reference implementation (pyref.py). */
public final class KnnFactories {

    private KnnFactories() {
    }

    /** {@code kl-entropy}: k, norm, jitter, seed. */
    public static MeasureFactory klEntropy() {
        return new Family(KozachenkoLeonenkoEntropy.NAME, "Kozachenko-Leonenko entropy of T: H_T", KnnSettings.PARAMETER_NAMES) {
            @Override
            Measure make(Parameters p) {
                return new KozachenkoLeonenkoEntropy(KnnSettings.from(p));
            }
        };
    }

    /** {@code ksg}: k, algorithm (1 or 2), jitter, seed; the second variable is the probe's inputs. */
    public static MeasureFactory ksg() {
        List<String> names = new ArrayList<>(List.of("k", "algorithm", "jitter", "seed"));
        return new Family(KsgMutualInformation.NAME, "KSG mutual information I(T;Z), Z = the inputs: I", names) {
            @Override
            Measure make(Parameters p) {
                p.rejectUnless(false, "norm", "(KSG uses the max-norm)");
                return new KsgMutualInformation(KnnSettings.from(p), p.integer("algorithm", 1));
            }
        };
    }

    /** {@code ross}: k, norm, jitter, seed. */
    public static MeasureFactory ross() {
        return new Family(RossMutualInformation.NAME, "Ross's I(T;Y) for continuous T and discrete Y: I_TY", KnnSettings.PARAMETER_NAMES) {
            @Override
            Measure make(Parameters p) {
                return new RossMutualInformation(KnnSettings.from(p));
            }
        };
    }

    private abstract static class Family implements MeasureFactory {
        private final String name;
        private final String description;
        private final List<String> parameterNames;

        Family(String name, String description, List<String> parameterNames) {
            this.name = name;
            this.description = description;
            this.parameterNames = parameterNames;
        }

        abstract Measure make(Parameters p);

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public List<String> parameterNames() {
            return parameterNames;
        }

        @Override
        public Measure create(Parameters p) {
            Measure m = make(p);
            p.requireAllUsed(parameterNames);
            return m;
        }
    }
}
