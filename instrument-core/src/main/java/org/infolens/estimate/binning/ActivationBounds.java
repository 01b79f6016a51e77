package org.infolens.estimate.binning;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.infolens.data.Activations;

/**
 * Lower limits for adaptive binning, from the activation function: Chelombiev et al. use -1.000001
 * for tanh-like functions (bounded below by -1) and 0 for ReLU-like ones (so exact zeros keep a symbol
 * of their own). Unknown or unbounded-below functions get their limit from the data instead.
 */
final class ActivationBounds {

    static final double TANH_LIKE_LOW = -1.000001;

    private static final Set<String> TANH_LIKE = Set.of("tanh", "hardtanh", "softsign", "rationaltanh", "rectifiedtanh");
    private static final Set<String> ZERO_BOUNDED = Set.of("relu", "relu6", "sigmoid", "hardsigmoid", "softmax",
            "softplus", "thresholdedrelu");

    private ActivationBounds() {
    }

    /** The lower limit implied by an activation function's name, if it has a known finite infimum. */
    static OptionalDouble forActivation(String activation) {
        String a = activation == null ? "" : activation.toLowerCase(Locale.ROOT);
        if (TANH_LIKE.contains(a)) {
            return OptionalDouble.of(TANH_LIKE_LOW);
        }
        if (ZERO_BOUNDED.contains(a)) {
            return OptionalDouble.of(0.0);
        }
        return OptionalDouble.empty();
    }

    /**
     * The lower limit read off the data: 0 when nothing is negative (ReLU-like), -1.000001 when
     * nothing is below -1 (tanh-like), else just below the minimum, in the values' precision (they
     * are compared with the limit in it), so that no value is left out.
     */
    static double fromData(Activations values) {
        double min = values.min();
        if (min >= 0) {
            return 0.0;
        }
        if (min >= -1) {
            return TANH_LIKE_LOW;
        }
        return values.precision() == Activations.Precision.FLOAT32 ? Math.nextDown((float) min) : Math.nextDown(min);
    }
}
