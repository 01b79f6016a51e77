package org.infolens.data;

import java.util.Arrays;

/**
 * One layer's activations on the probe set: a dense row-major matrix of float32 values, rows = probe
 * rows, columns = the layer's flattened units. Immutable: the array is never handed out.
 *
 * <p>float32 because that is what DL4J networks produce; estimators that need more precision
 * accumulate in double.
 */
public final class Activations {

    private final float[] values;
    private final int rows;
    private final int columns;

    private Activations(float[] values, int rows, int columns) {
        if (rows < 0 || columns < 1) {
            throw new IllegalArgumentException("activations need rows >= 0 and columns >= 1, got " + rows + " x " + columns);
        }
        if ((long) rows * columns != values.length) {
            throw new IllegalArgumentException(
                    "activations of shape " + rows + " x " + columns + " need " + (long) rows * columns
                            + " values, got " + values.length);
        }
        this.values = values;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Takes ownership of {@code values} without copying: for arrays made just for this object (a
     * capture from a network, a file read). The caller must not modify the array afterwards.
     */
    public static Activations wrap(float[] values, int rows, int columns) {
        return new Activations(values, rows, columns);
    }

    /** From a row-major matrix of doubles, rounded to float32. */
    public static Activations ofRows(double[][] matrix) {
        int r = matrix.length;
        int c = r == 0 ? 1 : matrix[0].length;
        float[] v = new float[r * c];
        for (int i = 0; i < r; i++) {
            if (matrix[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + matrix[i].length + " columns, row 0 has " + c);
            }
            for (int j = 0; j < c; j++) {
                v[i * c + j] = (float) matrix[i][j];
            }
        }
        return new Activations(v, r, c);
    }

    /** A copy of the values, row-major. */
    public float[] toArray() {
        return values.clone();
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int size() {
        return values.length;
    }

    public float get(int row, int column) {
        return values[row * columns + column];
    }

    /** Value at a flat row-major position. */
    public float getFlat(int position) {
        return values[position];
    }

    /** The rows at the given positions, in that order (a resample of the probe). */
    public Activations selectRows(int[] rowIndices) {
        float[] v = new float[rowIndices.length * columns];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(values, rowIndices[i] * columns, v, i * columns, columns);
        }
        return new Activations(v, rowIndices.length, columns);
    }

    /** Number of NaN or infinite values. */
    public long countNonFinite() {
        long n = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                n++;
            }
        }
        return n;
    }

    public long countNaN() {
        long n = 0;
        for (float v : values) {
            if (Float.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** Smallest value (NaN ignored); +Infinity when there is none. */
    public float min() {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) {
            if (v < m) {
                m = v;
            }
        }
        return m;
    }

    /** Largest value (NaN ignored); -Infinity when there is none. */
    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activations a && a.rows == rows && a.columns == columns && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Activations[" + rows + " x " + columns + "]";
    }
}
