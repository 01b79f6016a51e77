package org.infolens.data;

import java.util.Objects;

/** One layer's activations in a snapshot. */
public record LayerActivations(LayerId layer, Activations values) {

    public LayerActivations {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(values, "values");
        if (values.columns() != layer.width()) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has width " + layer.width()
                    + " but its activations have " + values.columns() + " columns");
        }
    }
}
