package org.infolens.measure;

/**
 * A confidence interval of one estimate, in bits.
 *
 * @param low    lower end
 * @param high   upper end
 * @param centre the value the interval is built around (the bias-corrected, extrapolated estimate for
 *               subsampling; the estimate itself for the bootstrap)
 */
public record Interval(double low, double high, double centre) {

    public Interval {
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("an interval needs finite low <= high, got [" + low + ", " + high + "]");
        }
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
