package org.infolens.estimate.spectral;

import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;

/**
 * Effective rank (Roy and Vetterli 2007) of a layer: exp of the entropy of its centred activation
 * matrix's L1-normalised singular values; between 1 and min(N, d). Value: effective_rank (a count).
 */
public final class EffectiveRank implements Measure {

    public static final String NAME = "effective-rank";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of(); // none: it is defined on the centred layer, with nothing to choose
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
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

    @Override
    public String toString() {
        return "EffectiveRank" + parameters();
    }
}
