package org.infolens.data;

import java.util.List;
import java.util.Objects;

/**
 * Every recorded layer's activations on the fixed probe set at one moment of training. Detached from
 * the network and immutable, so measures may run on it on another thread while training goes on.
 *
 * @param epoch      completed training epochs when captured (0 = before training)
 * @param iteration  the network's iteration count when captured
 * @param layers     the recorded layers in network order (input first, output last)
 * @param parameters weights and gradient moments of the recorded layers that have weights, for
 *                   parameter measures (empty unless one is configured)
 */
public record ActivationSnapshot(int epoch, long iteration, List<LayerActivations> layers, List<LayerParameters> parameters) {

    /** A snapshot of activations only. */
    public ActivationSnapshot(int epoch, long iteration, List<LayerActivations> layers) {
        this(epoch, iteration, layers, List.of());
    }

    public ActivationSnapshot {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
        int rows = -1;
        for (LayerActivations l : layers) {
            if (rows >= 0 && l.values().rows() != rows) {
                throw new IllegalArgumentException("layer " + l.layer().describe() + " has " + l.values().rows()
                        + " rows, the snapshot's other layers have " + rows);
            }
            rows = l.values().rows();
        }
    }

    /** Probe rows in this snapshot (0 when it has no layers). */
    public int rows() {
        return layers.isEmpty() ? 0 : layers.get(0).values().rows();
    }

    /** Bytes held by the activation and weight values: what a queued snapshot costs. */
    public long bytes() {
        long b = 0;
        for (LayerActivations l : layers) {
            b += 4L * l.values().size();
        }
        for (LayerParameters p : parameters) {
            b += p.bytes();
        }
        return b;
    }
}
