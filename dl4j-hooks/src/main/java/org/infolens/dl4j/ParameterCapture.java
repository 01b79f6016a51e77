package org.infolens.dl4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.deeplearning4j.nn.api.Model;
import org.infolens.data.GradientMoments;
import org.infolens.data.LayerId;
import org.infolens.data.LayerParameters;
import org.infolens.data.WeightMatrix;
import org.infolens.measure.ParameterMeasure;
import org.infolens.pipeline.MeasurementSettings;

/**
 * The parts of a DL4J network's parameters that the run's parameter measures read, and only those
 * (both cost training time): the weights, copied at each recorded epoch; the minibatch gradients,
 * accumulated in place before the updater touches them, during the epochs the schedule records only
 * (without epoch callbacks, over the iterations since the previous record).
 */
final class ParameterCapture {

    private final boolean weights;
    private final boolean gradients;
    private GradientAccumulator accumulator; // made at the first gradient
    private boolean accumulating;            // the current epoch will be recorded: its gradients count

    ParameterCapture(MeasurementSettings settings) {
        this.weights = settings.reads(ParameterMeasure.Input.WEIGHTS);
        this.gradients = settings.reads(ParameterMeasure.Input.GRADIENTS);
    }

    /** An epoch starts; {@code recorded}: the schedule records its end, so its gradients are accumulated. */
    void epochStarts(NetworkCapture c, boolean recorded) {
        if (gradients) {
            accumulating = recorded;
            if (recorded) {
                accumulator(c).reset();
            }
        }
    }

    /** One minibatch's raw gradient, counted during recorded epochs, or always when DL4J fires no epoch callbacks. */
    void gradient(NetworkCapture c, Model model, boolean epochCallbacks) {
        if (gradients && (accumulating || !epochCallbacks)) {
            accumulator(c).add(model.gradient().gradientForVariable(), model.batchSize());
        }
    }

    /** The kept layers' weights (copied) and gradient moments since the last call, whichever are read; the gradient window restarts. */
    List<LayerParameters> take(NetworkCapture c, Predicate<LayerId> keep) {
        return take(c, keep, true);
    }

    /**
     * As {@link #take(NetworkCapture, Predicate)}; without {@code gradients} the window goes on (the
     * untrained weights recorded late, from a copy, while the first epoch's gradients accumulate).
     */
    List<LayerParameters> take(NetworkCapture c, Predicate<LayerId> keep, boolean withGradients) {
        Map<Integer, GradientMoments> moments = accumulator == null || !withGradients ? Map.of() : accumulator.moments();
        List<LayerParameters> out = new ArrayList<>();
        for (NetworkCapture.WeightedLayer w : c.weightedLayers()) {
            LayerId layer = c.layers().get(w.position());
            if (!keep.test(layer)) {
                continue;
            }
            WeightMatrix matrix = weights ? NetworkCapture.weights(w) : null;
            GradientMoments g = moments.get(w.position());
            if (matrix != null || g != null) {
                out.add(new LayerParameters(layer, matrix, g));
            }
        }
        if (withGradients) {
            if (accumulator != null) {
                accumulator.reset();
            }
            accumulating = false;
        }
        return out;
    }

    private GradientAccumulator accumulator(NetworkCapture c) {
        if (accumulator == null) {
            Map<Integer, List<String>> keys = new LinkedHashMap<>();
            for (NetworkCapture.WeightedLayer w : c.weightedLayers()) {
                keys.put(w.position(), w.weightKeys().stream().map(k -> w.gradientPrefix() + k).toList());
            }
            accumulator = new GradientAccumulator(keys);
        }
        return accumulator;
    }
}
