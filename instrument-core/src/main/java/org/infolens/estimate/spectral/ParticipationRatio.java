package org.infolens.estimate.spectral;

import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;

/**
 * Participation ratio of a layer: (sum lambda)^2 / sum lambda^2 over its covariance eigenvalues, the
 * exp of their order-2 Renyi entropy; between 1 and min(N, d). Value: participation_ratio (a count).
 */
public final class ParticipationRatio implements Measure {

    public static final String NAME = "participation-ratio";

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
        return Estimate.of(Map.of("participation_ratio", EffectiveNumber.participationRatio(CovarianceSpectrum.eigenvalues(layer, values))));
    }

    @Override
    public boolean biasedByRepeatedRows() {
        return false;
    }

    @Override
    public String toString() {
        return "ParticipationRatio" + parameters();
    }
}
