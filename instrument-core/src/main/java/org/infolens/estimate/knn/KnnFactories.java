package org.infolens.estimate.knn;

import java.util.ArrayList;
import java.util.List;
import org.infolens.measure.MeasureFactory;
import org.infolens.measure.MeasureFamily;

/** The k-NN families from text parameters, named as in the reference implementation (pyref.py). */
public final class KnnFactories {

    private KnnFactories() {
    }

    /** {@code kl-entropy}: k, norm, jitter, seed. */
    public static MeasureFactory klEntropy() {
        return new MeasureFamily(KozachenkoLeonenkoEntropy.NAME, "Kozachenko-Leonenko entropy of T: H_T", KnnSettings.PARAMETER_NAMES,
                p -> new KozachenkoLeonenkoEntropy(KnnSettings.from(p)));
    }

    /** {@code ksg}: k, algorithm (1 or 2), jitter, seed; the second variable is the probe's inputs. */
    public static MeasureFactory ksg() {
        List<String> names = new ArrayList<>(List.of("k", "algorithm", "jitter", "seed"));
        return new MeasureFamily(KsgMutualInformation.NAME, "KSG mutual information I(T;Z), Z = the inputs: I", names, p -> {
            p.rejectUnless(false, "norm", "(KSG uses the max-norm)");
            return new KsgMutualInformation(KnnSettings.from(p), p.integer("algorithm", 1));
        });
    }

    /** {@code ross}: k, norm, jitter, seed. */
    public static MeasureFactory ross() {
        return new MeasureFamily(RossMutualInformation.NAME, "Ross's I(T;Y) for continuous T and discrete Y: I_TY",
                KnnSettings.PARAMETER_NAMES, p -> new RossMutualInformation(KnnSettings.from(p)));
    }
}
