package org.infolens.data;

import java.util.Objects;

/**
 * Stable identity of one recorded layer: the same layer has the same id at every recorded epoch.
 *
 * @param index      position of the layer in the network (DL4J layer index, or vertex index of a graph)
 * @param name       layer or vertex name
 * @param width      number of values per probe row once the layer's output is flattened
 * @param kind       what the layer is, lower case ("dense", "output", "convolution", "merge", ...)
 * @param activation activation function, lower case ("tanh", "relu", "softmax", ...), or "" when unknown
 */
public record LayerId(int index, String name, int width, String kind, String activation) {

    public LayerId {
        if (index < 0) {
            throw new IllegalArgumentException("layer index must be >= 0, got " + index);
        }
        Objects.requireNonNull(name, "name");
        if (width < 1) {
            throw new IllegalArgumentException("layer '" + name + "' has width " + width + ", expected >= 1");
        }
        kind = kind == null ? "" : kind;
        activation = activation == null ? "" : activation;
    }

    /** A layer known only by position and width, as when activations come from a file. */
    public static LayerId of(int index, int width) {
        return new LayerId(index, "layer" + index, width, "", "");
    }

    /** "name (index i, width w)": the way errors and logs name a layer. */
    public String describe() {
        return "'" + name + "' (index " + index + ", width " + width + ")";
    }
}
