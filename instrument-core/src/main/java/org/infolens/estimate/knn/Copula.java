package org.infolens.estimate.knn;

import org.infolens.numeric.SpecialFunctions;

/**
 * What each column becomes before a k-NN MI search. Mutual information is unchanged by any strictly
 * increasing map of each column, so replacing a column by its ranks (its empirical copula) or by the
 * normal scores of its ranks keeps the quantity while removing what breaks the neighbour counts:
 * heavy tails (Student-t), uneven scales, compressed regions (the normal CDF, half-cube maps).
 */
public enum Copula {
    /** The values as they are (then standardised, if asked). */
    OFF,
    /** Each column's ranks 1..N, tied values sharing their mean rank. */
    RANKS,
    /** The normal scores of those ranks: Phi^-1(rank / (N + 1)), each column standard normal. */
    NORMAL;

    /**
     * A copy of the row-major {@code rows} x {@code dims} values with each column replaced as this
     * says; tied values share their mean rank. Ranks are taken in {@link Double#compare}'s order, ties
     * by {@code ==} (so -0.0 and 0.0 tie, and each NaN ranks last, in row order).
     */
    public double[] transform(double[] values, int rows, int dims) {
        if (this == OFF) {
            return values.clone();
        }
        double[] v = new double[values.length];
        // primitive arrays only, no object per value: boxed row indices took 2.3 s against 0.7 s at 5,000 x 500 (first call)
        double[] sorted = new double[rows];
        double[] scoreAt = new double[rows]; // the score of each position of the sorted column
        double[] untied = new double[rows]; // the score of rank i + 1, alone: the same in every column, computed once
        java.util.Arrays.fill(untied, Double.NaN);
        for (int j = 0; j < dims; j++) {
            int finite = 0; // not NaN: NaNs sort last
            for (int r = 0; r < rows; r++) {
                sorted[r] = values[r * dims + j];
                finite += Double.isNaN(sorted[r]) ? 0 : 1;
            }
            java.util.Arrays.sort(sorted);
            for (int from = 0; from < rows; ) {
                int to = from + 1;
                while (to < rows && sorted[to] == sorted[from]) {
                    to++;
                }
                double score;
                if (to == from + 1) {
                    if (Double.isNaN(untied[from])) {
                        untied[from] = score(from + 1, rows);
                    }
                    score = untied[from];
                } else {
                    score = score((from + 1 + to) / 2.0, rows); // mean of the 1-based ranks from+1 .. to
                }
                java.util.Arrays.fill(scoreAt, from, to, score);
                from = to;
            }
            int nanSeen = 0;
            for (int r = 0; r < rows; r++) {
                double x = values[r * dims + j];
                // equal values share one score, so whichever of them the search finds will do
                v[r * dims + j] = scoreAt[Double.isNaN(x) ? finite + nanSeen++ : java.util.Arrays.binarySearch(sorted, 0, finite, x)];
            }
        }
        return v;
    }

    private double score(double rank, int rows) {
        return this == RANKS ? rank : SpecialFunctions.normalQuantile(rank / (rows + 1));
    }
}
