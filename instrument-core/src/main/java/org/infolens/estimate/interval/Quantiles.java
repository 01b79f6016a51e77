package org.infolens.estimate.interval;

import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.infolens.numeric.SpecialFunctions;

/** Quantiles of the standard normal, Student's t and Fisher's F distributions. */
final class Quantiles {

    private Quantiles() {
    }

    /** The standard normal quantile ({@link SpecialFunctions#normalQuantile}). */
    static double normal(double p) {
        return SpecialFunctions.normalQuantile(p);
    }

    /** Student's t quantile with {@code df} degrees of freedom. */
    static double studentT(double p, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("Student's t needs df >= 1, got " + df);
        }
        return TDistribution.of(df).inverseCumulativeProbability(p);
    }

    /** Fisher's F quantile with {@code numerator} and {@code denominator} degrees of freedom. */
    static double fisherF(double p, int numerator, int denominator) {
        if (numerator < 1 || denominator < 1) {
            throw new IllegalArgumentException("Fisher's F needs both degrees of freedom >= 1, got " + numerator + " and " + denominator);
        }
        return FDistribution.of(numerator, denominator).inverseCumulativeProbability(p);
    }
}
