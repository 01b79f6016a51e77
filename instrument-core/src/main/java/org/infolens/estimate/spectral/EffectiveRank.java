package org.infolens.estimate.spectral;

import java.util.List;
import java.util.Map;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.numeric.EffectiveNumber;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;

/**
 * Effective rank (Roy and Vetterli 2007) of a layer: exp of the entropy of its centred activation
 * matrix's L1-normalised singular values; between 1 and min(N, d). Value: effective_rank (a count).
 */
public final class EffectiveRank extends ConfiguredMeasure {

    public static final String NAME = "effective-rank";

    /** It has no parameters: the layer is centred, as the definition says. */
    public static final ParameterSet PARAMETERS = ParameterSet.of();

    /** The {@code effective-rank} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "exp of the entropy of the singular values of centred T", PARAMETERS,
                    List.of(Output.of("effective_rank", "effective rank", Unit.COUNT)), c -> new EffectiveRank());
        }
    }

    public EffectiveRank() {
        super(NAME, PARAMETERS.defaults(NAME));
    }


    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        double[] lambda = CovarianceSpectrum.eigenvalues(layer, values);
        double[] singular = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            singular[i] = Math.sqrt(lambda[i]);
        }
        return Estimate.of(Map.of("effective_rank", EffectiveNumber.exponentialOfEntropy(singular, 0, false)));
    }

    @Override
    public boolean biasedByRepeatedRows() {
        return false;
    }

}
