package org.infolens.data;

import java.util.Objects;
import java.util.Optional;

/**
 * One layer's parameters at a recorded epoch: its weight matrix, and the moments of its minibatch
 * gradients over the epoch just finished. Each part is present only when a measure asked for it
 * (copying weights and accumulating gradients costs training time); epoch 0 has no gradients.
 *
 * @param layer     the layer, as its activations name it
 * @param weights   the weight matrix, detached from the network, or null
 * @param gradients the epoch's gradient moments, or null
 */
public record LayerParameters(LayerId layer, WeightMatrix weights, GradientMoments gradients) {

    public LayerParameters {
        Objects.requireNonNull(layer, "layer");
    }

    public Optional<WeightMatrix> weightMatrix() {
        return Optional.ofNullable(weights);
    }

    public Optional<GradientMoments> gradientMoments() {
        return Optional.ofNullable(gradients);
    }

    /** Bytes held by the weight values: what a queued snapshot costs. */
    public long bytes() {
        return weights == null ? 0 : 8L * weights.rows() * weights.columns();
    }
}
