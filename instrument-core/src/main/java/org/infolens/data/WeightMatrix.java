package org.infolens.data;

import java.util.Arrays;

/**
 * A layer's weight matrix copied out of the network: dense, row-major, double. Immutable: the array
 * is never handed out. Weights of more than two dimensions (a convolution's [out, in, kh, kw]) are
 * flattened to [first dimension, product of the rest].
 */
public final class WeightMatrix {

    private final double[] values;
    private final int rows;
    private final int columns;

    private WeightMatrix(double[] values, int rows, int columns) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a weight matrix needs rows and columns >= 1, got " + rows + " x " + columns);
        }
        if ((long) rows * columns != values.length) {
            throw new IllegalArgumentException("a weight matrix of shape " + rows + " x " + columns + " needs "
                    + (long) rows * columns + " values, got " + values.length);
        }
        this.values = values;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Takes ownership of {@code values} without copying: for arrays made just for this object (a copy
     * out of a network). The caller must not modify the array afterwards.
     */
    public static WeightMatrix wrap(double[] values, int rows, int columns) {
        return new WeightMatrix(values, rows, columns);
    }

    /** From a row-major matrix. */
    public static WeightMatrix ofRows(double[][] matrix) {
        int r = matrix.length;
        int c = r == 0 ? 0 : matrix[0].length;
        double[] v = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (matrix[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + matrix[i].length + " columns, row 0 has " + c);
            }
            System.arraycopy(matrix[i], 0, v, i * c, c);
        }
        return new WeightMatrix(v, r, c);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public double get(int row, int column) {
        return values[row * columns + column];
    }

    /** A copy of the values, row-major. */
    public double[] toArray() {
        return values.clone();
    }

    /** NaN and infinite values. */
    public long countNonFinite() {
        return Arrays.stream(values).filter(v -> !Double.isFinite(v)).count();
    }

    @Override
    public String toString() {
        return "WeightMatrix[" + rows + " x " + columns + "]";
    }
}
