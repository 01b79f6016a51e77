package org.infolens.superposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks hand-written gradients against central differences, in double. */
final class FiniteDifferences {

    private static final double STEP = 1e-6;

    private FiniteDifferences() {
    }

    /**
     * Every entry of {@code gradients[k]} against (loss(p + h) - loss(p - h)) / 2h for the matching
     * entry of {@code parameters[k]}, within 1e-6 relative (absolute below 1).
     */
    static void assertGradients(DoubleSupplier loss, INDArray[] parameters, INDArray[] gradients) {
        for (int k = 0; k < parameters.length; k++) {
            for (long i = 0; i < parameters[k].length(); i++) {
                double v = parameters[k].getDouble(i);
                parameters[k].putScalar(i, v + STEP);
                double up = loss.getAsDouble();
                parameters[k].putScalar(i, v - STEP);
                double down = loss.getAsDouble();
                parameters[k].putScalar(i, v);
                double numeric = (up - down) / (2 * STEP);
                assertEquals(numeric, gradients[k].getDouble(i), 1e-6 * Math.max(1, Math.abs(numeric)), "parameter " + k + " entry " + i);
            }
        }
    }
}
