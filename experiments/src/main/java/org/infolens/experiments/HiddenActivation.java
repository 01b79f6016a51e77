package org.infolens.experiments;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.activations.Activation;

/** The hidden-layer activations the bundled experiments offer (Saxe et al. compare them). */
public enum HiddenActivation {
    TANH(Activation.TANH, true),
    RELU(Activation.RELU, false),
    SOFTPLUS(Activation.SOFTPLUS, false),
    SOFTSIGN(Activation.SOFTSIGN, true),
    ELU(Activation.ELU, false);

    private final Activation dl4j;
    private final boolean bounded;

    HiddenActivation(Activation dl4j, boolean bounded) {
        this.dl4j = dl4j;
        this.bounded = bounded;
    }

    public Activation dl4j() {
        return dl4j;
    }

    /** Saturates within [-1, 1]: binned on a fixed range; unbounded ones need a range observed over the run. */
    public boolean bounded() {
        return bounded;
    }

    /** The lower-case name, as the command line and run names write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code tanh}, {@code relu}, ... (any case); anything else is an error listing the choices. */
    public static HiddenActivation parse(String name) {
        for (HiddenActivation a : values()) {
            if (a.id().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("--activation must be one of "
                + Arrays.stream(values()).map(HiddenActivation::id).toList() + ", got '" + name + "'");
    }
}
