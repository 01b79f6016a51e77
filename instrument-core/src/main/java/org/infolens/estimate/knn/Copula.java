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
     * says; tied values share their mean rank.
     */
    public double[] transform(double[] values, int rows, int dims) {
        if (this == OFF) {
            return values.clone();
        }
        double[] v = new double[values.length];
        Integer[] order = new Integer[rows];
        for (int j = 0; j < dims; j++) {
            final int column = j;
            for (int r = 0; r < rows; r++) {
                order[r] = r;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a * dims + column], values[b * dims + column]));
            for (int from = 0; from < rows; ) {
                int to = from + 1;
                while (to < rows && values[order[to] * dims + j] == values[order[from] * dims + j]) {
                    to++;
                }
                double rank = (from + 1 + to) / 2.0; // mean of the 1-based ranks from+1 .. to
                double score = this == RANKS ? rank : SpecialFunctions.normalQuantile(rank / (rows + 1));
                for (int i = from; i < to; i++) {
                    v[order[i] * dims + j] = score;
                }
                from = to;
            }
        }
        return v;
    }
}
