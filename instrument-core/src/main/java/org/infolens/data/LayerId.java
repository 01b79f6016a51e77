package org.infolens.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
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
 * @param sequence   for layers with a time axis ([N, units, T]), how its steps became rows: "last-step"
 *                   (one row per sequence, its last unmasked step), "steps" (one row per unmasked step)
 *                   or "flattened" (one row per sequence, units x T columns); null otherwise
 * @param steps      the time steps T of such a layer; 0 otherwise
 * @param head       in a graph with several outputs probed with labels per output, the output(s) whose
 *                   labels its I(T;Y) is measured against: the outputs it feeds, joined by "+" (their
 *                   labels taken jointly); null otherwise
 * @param from       in a graph that is not a chain, the vertices it reads (network inputs left out): the
 *                   information plane joins a layer to these; empty for a chain, the layer order then
 */
public record LayerId(int index, String name, int width, LayerKind kind, String activation,
                      @JsonInclude(JsonInclude.Include.NON_DEFAULT) int channels,
                      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean frozen,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String sequence,
                      @JsonInclude(JsonInclude.Include.NON_DEFAULT) int steps,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String head,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> from) {

    /** A layer without a time axis, outside a branching graph. */
    public LayerId(int index, String name, int width, LayerKind kind, String activation, int channels, boolean frozen) {
        this(index, name, width, kind, activation, channels, frozen, null, 0, null, List.of());
    }

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
        from = from == null ? List.of() : List.copyOf(from);
        if (channels < 0 || (channels > 0 && width % channels != 0)) {
            throw new IllegalArgumentException("layer '" + name + "' has " + channels + " channels, which do not divide its width "
                    + width);
        }
    }

    /** This layer with a time axis of {@code steps} steps, made rows as {@code sequence} says. */
    public LayerId withSequence(String sequence, int steps, int width) {
        return new LayerId(index, name, width, kind, activation, channels, frozen, sequence, steps, head, from);
    }

    /** This layer of a graph: the output(s) it is measured against (or null) and the vertices it reads (empty for a chain). */
    public LayerId withGraph(String head, List<String> from) {
        return new LayerId(index, name, width, kind, activation, channels, frozen, sequence, steps, head, from);
    }

    /** This layer under another name: what a measure keeps per layer (a warm-started critic) is then kept apart. */
    public LayerId withName(String newName) {
        return new LayerId(index, newName, width, kind, activation, channels, frozen, sequence, steps, head, from);
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
