package org.infolens.estimate.interval;

import org.infolens.numeric.SpecialFunctions;

/** Quantiles of the standard normal and Student's t distributions. */
final class Quantiles {

    private Quantiles() {
    }

    /** The standard normal quantile ({@link SpecialFunctions#normalQuantile}). */
    static double normal(double p) {
        return SpecialFunctions.normalQuantile(p);
    }

    /**
     * Student's t quantile with {@code df} degrees of freedom, by the Cornish-Fisher expansion in 1/df
     * (Abramowitz and Stegun 26.7.5), closed forms for 1 and 2.
     */
    static double studentT(double p, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("Student's t needs df >= 1, got " + df);
        }
        if (df == 1) {
            return Math.tan(Math.PI * (p - 0.5));
        }
        if (df == 2) {
            return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        }
        double z = normal(p);
        double z2 = z * z;
        double g1 = z * (z2 + 1) / 4;
        double g2 = z * ((5 * z2 + 16) * z2 + 3) / 96;
        double g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384;
        double g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160;
        double v = df;
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }
}
