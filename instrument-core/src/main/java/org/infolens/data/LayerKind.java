package org.infolens.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a recorded layer is, in the words records write: DL4J's layer or vertex class name without its
 * "Layer" / "Vertex" suffix, lower case ("DenseLayer" -> {@code dense}, "MergeVertex" ->
 * {@code merge}). The kinds infolens treats apart or that layer filters name have a constant; every
 * other DL4J layer is {@link #OTHER}; activations read from a file, whose kind is not known, are
 * {@link #UNKNOWN} (written as "").
 */
public enum LayerKind {
    DENSE("dense"),
    OUTPUT("output"),
    RNN_OUTPUT("rnnoutput"),
    CENTER_LOSS_OUTPUT("centerlossoutput"),
    LOSS("loss"),
    CONVOLUTION("convolution"),
    SUBSAMPLING("subsampling"),
    GLOBAL_POOLING("globalpooling"),
    BATCH_NORMALIZATION("batchnormalization"),
    ACTIVATION("activation"),
    DROPOUT("dropout"),
    EMBEDDING("embedding"),
    LSTM("lstm"),
    SIMPLE_RNN("simplernn"),
    MERGE("merge"),
    ELEMENT_WISE("elementwise"),
    /** A layer or vertex without a constant of its own (a custom layer, a rarer DL4J one). */
    OTHER("other"),
    /** Not known: activations from a file. */
    UNKNOWN("");

    private final String json;

    LayerKind(String json) {
        this.json = json;
    }

    /** The text records write. */
    @JsonValue
    public String json() {
        return json;
    }

    /** A layer whose activations are the network's predictions (an output or loss layer): the probe accuracy is read from it. */
    public boolean isOutput() {
        return this == OUTPUT || this == RNN_OUTPUT || this == CENTER_LOSS_OUTPUT || this == LOSS;
    }

    /** The kind of a layer or vertex class by its simple name ("DenseLayer", "MergeVertex", "LSTM"); {@link #OTHER} when it has no constant. */
    public static LayerKind ofClassName(String simpleName) {
        String s = simpleName.replaceAll("(Layer|Vertex)$", "");
        return fromJson((s.isEmpty() ? simpleName : s).toLowerCase(Locale.ROOT));
    }

    /** The kind a record wrote; a text without a constant (another version's, or a null) reads as {@link #OTHER} or {@link #UNKNOWN}. */
    @JsonCreator
    public static LayerKind fromJson(String text) {
        if (text == null || text.isEmpty()) {
            return UNKNOWN;
        }
        for (LayerKind k : values()) {
            if (k.json.equals(text)) {
                return k;
            }
        }
        return OTHER;
    }
}
