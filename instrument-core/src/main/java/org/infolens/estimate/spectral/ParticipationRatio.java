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
 * Participation ratio of a layer: (sum lambda)^2 / sum lambda^2 over its covariance eigenvalues, the
 * exp of their order-2 Renyi entropy; between 1 and min(N, d). Value: participation_ratio (a count).
 */
public final class ParticipationRatio extends ConfiguredMeasure {

    public static final String NAME = "participation-ratio";

    /** It has no parameters: the layer is centred, as the definition says. */
    public static final ParameterSet PARAMETERS = ParameterSet.of();

    /** The {@code participation-ratio} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "(sum lambda)^2 / sum lambda^2 of T's covariance", PARAMETERS,
                    List.of(Output.of("participation_ratio", "participation ratio", Unit.COUNT)), c -> new ParticipationRatio());
        }
    }

    public ParticipationRatio() {
        super(NAME, PARAMETERS.defaults(NAME));
    }


    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        return Estimate.of(Map.of("participation_ratio", EffectiveNumber.participationRatio(CovarianceSpectrum.eigenvalues(layer, values))));
    }

    @Override
    public boolean biasedByRepeatedRows() {
        return false;
    }

}
