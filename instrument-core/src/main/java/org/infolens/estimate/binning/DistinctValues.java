package org.infolens.estimate.binning;

import java.util.Arrays;
import org.infolens.data.Activations;
import org.infolens.data.Activations.Precision;

/**
 * The sorted distinct values of a layer, one value excluded, as EBAB reads them: their number and a
 * few of them by rank. -0.0 and +0.0 are one value, as numpy's unique treats them.
 */
interface DistinctValues {

    /** Number of distinct values. */
    long count();

    /** The distinct value of rank {@code rank} (0 = smallest). */
    double valueAt(long rank);

    /**
     * The distinct values of {@code values} other than {@code excluded}, compared in the values'
     * precision: float32 activations against the limit rounded to float32 (numpy's weak scalar rule),
     * float64 ones in double.
     */
    static DistinctValues of(Activations values, double excluded) {
        return values.precision() == Precision.FLOAT32
                ? new DistinctLevels(values, (float) excluded)
                : new SortedFloat64(values, excluded);
    }

    /**
     * float64 values sorted once: the 32-bit keys that make {@link DistinctLevels} linear do not exist
     * for doubles, and float64 inputs (files, DOUBLE networks) are rare enough that n log n is fine.
     */
    final class SortedFloat64 implements DistinctValues {
        private final double[] distinct;

        SortedFloat64(Activations values, double excluded) {
            double[] v = values.toDoubleArray();
            int kept = 0;
            for (double x : v) {
                if (x != excluded) {
                    v[kept++] = x + 0.0; // -0.0 + 0.0 = +0.0
                }
            }
            Arrays.sort(v, 0, kept);
            int d = 0;
            for (int i = 0; i < kept; i++) {
                if (d == 0 || v[i] != v[d - 1]) {
                    v[d++] = v[i];
                }
            }
            this.distinct = Arrays.copyOf(v, d);
        }

        @Override
        public long count() {
            return distinct.length;
        }

        @Override
        public double valueAt(long rank) {
            if (rank < 0 || rank >= distinct.length) {
                throw new IndexOutOfBoundsException("rank " + rank + " of " + distinct.length + " distinct values");
            }
            return distinct[(int) rank];
        }
    }
}
