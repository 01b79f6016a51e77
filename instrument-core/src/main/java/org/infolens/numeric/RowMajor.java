package org.infolens.numeric;

/** Passes over a matrix held as one row-major {@code double[]}. */
public final class RowMajor {

    private RowMajor() {
    }

    /** Squared Euclidean norms of the rows of a row-major matrix with {@code cols} columns. */
    public static double[] squaredNorms(double[] rowMajor, int rows, int cols) {
        double[] norms = new double[rows];
        for (int i = 0; i < rows; i++) {
            double acc = 0;
            for (int k = i * cols; k < (i + 1) * cols; k++) {
                acc += rowMajor[k] * rowMajor[k];
            }
            norms[i] = acc;
        }
        return norms;
    }
}
