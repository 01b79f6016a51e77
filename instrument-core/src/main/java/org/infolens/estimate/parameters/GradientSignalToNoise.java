package org.infolens.estimate.parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.infolens.config.ParameterSet;
import org.infolens.data.GradientMoments;
import org.infolens.data.LayerParameters;
import org.infolens.measure.Estimate;
import org.infolens.measure.Output;
import org.infolens.measure.ParameterMeasure;
import org.infolens.measure.ParameterMeasureProvider;
import org.infolens.measure.Unit;

/**
 * Gradient signal-to-noise ratio of a layer over one epoch (Shwartz-Ziv & Tishby; ESTIMATORS.md
 * section 7): ||mean of the minibatch gradients|| / ||std of the minibatch gradients||, elementwise
 * mean and (population) std over the epoch's iterations, norms over all of the layer's weights. High in the
 * drift phase of training, low in the diffusion phase. The moments are accumulated on the training
 * thread; this measure only forms the ratio. Values are plain numbers, not bits.
 */
public final class GradientSignalToNoise implements ParameterMeasure {

    public static final String NAME = "gradient-snr";

    /** It has no parameters. */
    public static final ParameterSet PARAMETERS = ParameterSet.of();

    /** The {@code gradient-snr} family for the catalog. */
    public static final class Provider extends ParameterMeasureProvider {
        public Provider() {
            super(NAME, "||mean|| / ||std|| of a layer's minibatch weight gradients over an epoch (listener only)", PARAMETERS, List.of(
                    Output.of("snr", "gradient SNR", Unit.NUMBER), Output.of("meanNorm", "\u2016mean gradient\u2016", Unit.NUMBER),
                    Output.of("stdNorm", "\u2016std gradient\u2016", Unit.NUMBER)), c -> new GradientSignalToNoise());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public Set<Input> reads() {
        return Set.of(Input.GRADIENTS);
    }

    @Override
    public boolean appliesTo(LayerParameters p) {
        return p.gradientMoments().isPresent();
    }

    @Override
    public int sampleSize(LayerParameters p) {
        return p.gradients().iterations();
    }

    @Override
    public Estimate estimate(LayerParameters p) {
        GradientMoments g = p.gradientMoments().orElseThrow(() -> new IllegalArgumentException(
                "layer " + p.layer().describe() + " has no gradient moments"));
        if (!Double.isFinite(g.meanNorm()) || !Double.isFinite(g.stdNorm())) {
            throw new IllegalArgumentException("the gradients of layer " + p.layer().describe() + " are not finite (mean norm "
                    + g.meanNorm() + ", std norm " + g.stdNorm() + ")");
        }
        if (g.stdNorm() == 0) {
            throw new IllegalArgumentException("the gradients of layer " + p.layer().describe() + " do not vary over the "
                    + g.iterations() + " iteration(s) of the epoch (one minibatch an epoch, or dead units): no signal-to-noise ratio");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("snr", g.meanNorm() / g.stdNorm());
        values.put("meanNorm", g.meanNorm());
        values.put("stdNorm", g.stdNorm());
        return new Estimate(values, Map.of(), Map.of("iterations", g.iterations()));
    }

    @Override
    public String toString() {
        return "GradientSignalToNoise[" + NAME + "]";
    }
}
