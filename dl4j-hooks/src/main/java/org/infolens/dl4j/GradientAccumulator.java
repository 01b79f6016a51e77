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
 * signal-to-noise ratio. Per weight parameter it keeps four buffers of the parameter's shape and
 * data type (shift, sum, sum of squares, one scratch), allocated at the first gradient and reused:
 * an iteration costs four in-place ND4J ops per parameter (five after a change of minibatch size)
 * and allocates nothing.
 *
 * <p>Sums are of deviations from the window's first gradient (the shifted-data algorithm): the
 * variance then comes from E[d^2] - E[d]^2 with d of the order of the noise, without the
 * cancellation of E[g^2] - E[g]^2, which would lose log10(snr^2) digits and most of float32's. That
 * keeps the buffers in the gradient's own type (float32, half the memory traffic of double).
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
            l.add(gradients, batchSize);
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
        private final List<INDArray> shifts = new ArrayList<>();  // the window's first raw gradient
        private final List<INDArray> sums = new ArrayList<>();    // sum of r g - shift, r = first batch / batch
        private final List<INDArray> squares = new ArrayList<>(); // sum of (r g - shift)^2
        private final List<INDArray> scratch = new ArrayList<>();
        private int firstBatch;
        private int iterations;

        LayerSums(List<String> keys) {
            this.keys = List.copyOf(keys);
        }

        void reset() {
            sums.forEach(a -> a.assign(0));
            squares.forEach(a -> a.assign(0));
            iterations = 0;
        }

        void add(Map<String, INDArray> gradients, int batchSize) {
            for (String k : keys) {
                if (gradients.get(k) == null) {
                    return;
                }
            }
            if (sums.isEmpty()) {
                for (String k : keys) {
                    INDArray g = gradients.get(k);
                    for (List<INDArray> buffers : List.of(shifts, sums, squares, scratch)) {
                        buffers.add(Nd4j.create(g.dataType(), g.shape(), g.ordering())); // zero-filled
                    }
                }
            }
            if (iterations == 0) {
                // the first deviation is 0: the sums stay at 0
                for (int i = 0; i < keys.size(); i++) {
                    shifts.get(i).assign(gradients.get(keys.get(i)));
                }
                firstBatch = batchSize;
                iterations = 1;
                return;
            }
            for (int i = 0; i < keys.size(); i++) {
                INDArray g = gradients.get(keys.get(i));
                INDArray d = scratch.get(i);
                if (batchSize == firstBatch) {
                    g.sub(shifts.get(i), d);
                } else {
                    g.mul((double) firstBatch / batchSize, d).subi(shifts.get(i));
                }
                sums.get(i).addi(d);
                squares.get(i).addi(d.muli(d));
            }
            iterations++;
        }

        /**
         * With s = shift / b1, S and Q the sums of deviations over n iterations, all divided by b1:
         * ||mean||^2 = ||s + S/n||^2 and ||std||^2 = sum_j Q_j / n - ||S/n||^2.
         */
        GradientMoments moments() {
            double meanSquared = 0;
            double variance = 0;
            for (int i = 0; i < sums.size(); i++) {
                INDArray deviation = sums.get(i).castTo(DataType.DOUBLE).divi(iterations);
                double mean = shifts.get(i).castTo(DataType.DOUBLE).addi(deviation).norm2Number().doubleValue() / firstBatch;
                double offset = deviation.norm2Number().doubleValue() / firstBatch;
                meanSquared += mean * mean;
                variance += squares.get(i).castTo(DataType.DOUBLE).sumNumber().doubleValue() / iterations / firstBatch / firstBatch
                        - offset * offset;
            }
            // rounding can leave a tiny negative where the gradients do not vary at all
            return new GradientMoments(iterations, Math.sqrt(meanSquared), Math.sqrt(Math.max(0, variance)));
        }
    }
}
