package org.infolens.dl4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.data.GradientMoments;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Running first and second moments of each layer's minibatch gradients, for the gradient
 * signal-to-noise ratio. Per weight parameter it keeps three double buffers of the parameter's shape
 * (sum, sum of squares, one scratch), allocated at the first gradient and reused: an iteration costs
 * four in-place ND4J ops per parameter and allocates nothing.
 *
 * <p>Double, because the norm of the standard deviation comes from E[g^2] - E[g]^2, which loses
 * about log10(snr^2) digits to cancellation: float32 would keep too few at a high ratio.
 *
 * <p>Gradients are divided by their minibatch size: DL4J's raw gradient (before the updater) is the
 * sum over the minibatch's examples, and the updater divides it; dividing here makes the norms those
 * of the mean-loss gradient the optimiser steps along, whatever the size of an epoch's last batch.
 */
final class GradientAccumulator {

    private final Map<Integer, LayerSums> layers = new LinkedHashMap<>();

    /** @param keysByLayer per layer position, the gradient keys of its weights ("0_W", "dense_W") */
    GradientAccumulator(Map<Integer, List<String>> keysByLayer) {
        keysByLayer.forEach((position, keys) -> layers.put(position, new LayerSums(keys)));
    }

    /** Forgets every gradient seen so far (keeps the buffers). */
    void reset() {
        for (LayerSums l : layers.values()) {
            l.reset();
        }
    }

    /**
     * Adds one iteration's gradients. A layer with a key missing from {@code gradients} (a frozen
     * layer) is left out of this iteration.
     */
    void add(Map<String, INDArray> gradients, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("minibatch size must be >= 1, got " + batchSize);
        }
        for (LayerSums l : layers.values()) {
            l.add(gradients, 1.0 / batchSize);
        }
    }

    /** Per layer position, the moments of the gradients added since the last reset (layers without any left out). */
    Map<Integer, GradientMoments> moments() {
        Map<Integer, GradientMoments> out = new LinkedHashMap<>();
        layers.forEach((position, l) -> {
            if (l.iterations > 0) {
                out.put(position, l.moments());
            }
        });
        return out;
    }

    private static final class LayerSums {
        private final List<String> keys;
        private final List<INDArray> sums = new ArrayList<>();
        private final List<INDArray> squares = new ArrayList<>();
        private final List<INDArray> scratch = new ArrayList<>();
        private int iterations;

        LayerSums(List<String> keys) {
            this.keys = List.copyOf(keys);
        }

        void reset() {
            sums.forEach(a -> a.assign(0));
            squares.forEach(a -> a.assign(0));
            iterations = 0;
        }

        void add(Map<String, INDArray> gradients, double scale) {
            for (String k : keys) {
                if (gradients.get(k) == null) {
                    return;
                }
            }
            if (sums.isEmpty()) {
                for (String k : keys) {
                    INDArray g = gradients.get(k);
                    sums.add(Nd4j.zeros(DataType.DOUBLE, g.shape()));
                    squares.add(Nd4j.zeros(DataType.DOUBLE, g.shape()));
                    scratch.add(Nd4j.create(DataType.DOUBLE, g.shape()));
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                INDArray s = scratch.get(i).assign(gradients.get(keys.get(i))).muli(scale);
                sums.get(i).addi(s);
                squares.get(i).addi(s.muli(s));
            }
            iterations++;
        }

        /** ||mean||^2 = sum_j (S_j / n)^2; ||std||^2 = sum_j var_j = sum_j Q_j / n - ||mean||^2. */
        GradientMoments moments() {
            double meanSquared = 0;
            double second = 0;
            for (int i = 0; i < sums.size(); i++) {
                double norm = sums.get(i).norm2Number().doubleValue() / iterations;
                meanSquared += norm * norm;
                second += squares.get(i).sumNumber().doubleValue() / iterations;
            }
            double variance = second - meanSquared;
            // cancellation can leave a tiny negative where the gradients do not vary at all
            return new GradientMoments(iterations, Math.sqrt(meanSquared), Math.sqrt(Math.max(0, variance)));
        }
    }
}
