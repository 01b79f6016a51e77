package org.infolens.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Stable identity of one recorded layer: the same layer has the same id at every recorded epoch.
 *
 * @param index      position of the layer in the network (DL4J layer index, or vertex index of a graph)
 * @param name       layer or vertex name
 * @param width      number of values per probe row once the layer's output is flattened
 * @param kind       what the layer is (dense, output, convolution, merge, ...)
 * @param activation activation function, lower case ("tanh", "relu", "softmax", ...), or "" when unknown
 * @param channels   for spatial layers (convolution, pooling: per-row outputs [C, H, W] flattened channel
 *                   first), the number of channels C; 0 for layers without spatial positions
 * @param frozen     whether training leaves the layer's parameters unchanged (a FrozenLayer or
 *                   FrozenLayerWithBackprop of transfer learning); written only when true
 */
public record LayerId(int index, String name, int width, LayerKind kind, String activation,
                      @JsonInclude(JsonInclude.Include.NON_DEFAULT) int channels,
                      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean frozen) {

    /** A layer that training changes. */
    public LayerId(int index, String name, int width, LayerKind kind, String activation, int channels) {
        this(index, name, width, kind, activation, channels, false);
    }

    /** A layer without spatial positions (dense, output, recurrent). */
    public LayerId(int index, String name, int width, LayerKind kind, String activation) {
        this(index, name, width, kind, activation, 0, false);
    }

    public LayerId {
        if (index < 0) {
            throw new IllegalArgumentException("layer index must be >= 0, got " + index);
        }
        Objects.requireNonNull(name, "name");
        if (width < 1) {
            throw new IllegalArgumentException("layer '" + name + "' has width " + width + ", expected >= 1");
        }
        kind = kind == null ? LayerKind.UNKNOWN : kind;
        activation = activation == null ? "" : activation;
        if (channels < 0 || (channels > 0 && width % channels != 0)) {
            throw new IllegalArgumentException("layer '" + name + "' has " + channels + " channels, which do not divide its width "
                    + width);
        }
    }

    /** Spatial positions per probe row: H x W for a spatial layer, 1 otherwise. */
    public int positions() {
        return channels == 0 ? 1 : width / channels;
    }

    /** A layer known only by position and width, as when activations come from a file. */
    public static LayerId of(int index, int width) {
        return new LayerId(index, "layer" + index, width, LayerKind.UNKNOWN, "");
    }

    /** "name (index i, width w)": the way errors and logs name a layer. */
    public String describe() {
        return "'" + name + "' (index " + index + ", width " + width + ")";
    }
}
