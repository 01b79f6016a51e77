package org.infolens.estimate.knn;

/** Test access to the package-private weights. */
public final class WeightedKozachenkoLeonenkoAccess {

    private WeightedKozachenkoLeonenkoAccess() {
    }

    public static double[] weights(int k, int d) {
        return WeightedKozachenkoLeonenko.weights(k, d);
    }
}
