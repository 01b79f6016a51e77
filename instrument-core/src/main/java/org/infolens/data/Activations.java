package org.infolens.data;

import java.util.Arrays;

/**
 * One layer's activations on the probe set: a dense row-major matrix, rows = probe rows, columns =
 * the layer's flattened units. Immutable: the array is never handed out.
 *
 * <p>Values keep the precision they came in: float32 for what DL4J's default networks produce,
 * float64 for DOUBLE networks and float64 files. Rounding float64 data to float32 would merge
 * distinct levels (binning) and make new ties (k-NN), so results would leave the reference
 * algorithms. Readers get every value as a double (float32 widens exactly); estimators that mimic a
 * reference's float32 arithmetic ask {@link #precision()}.
 */
public final class Activations {

    /** How the values are stored. */
    public enum Precision { FLOAT32, FLOAT64 }

    private final float[] floats;   // FLOAT32 storage, else null
    private final double[] doubles; // FLOAT64 storage, else null
    private final int rows;
    private final int columns;

    private Activations(float[] floats, double[] doubles, int rows, int columns) {
        int length = floats != null ? floats.length : doubles.length;
        if (rows < 0 || columns < 1) {
            throw new IllegalArgumentException("activations need rows >= 0 and columns >= 1, got " + rows + " x " + columns);
        }
        if ((long) rows * columns != length) {
            throw new IllegalArgumentException(
                    "activations of shape " + rows + " x " + columns + " need " + (long) rows * columns
                            + " values, got " + length);
        }
        this.floats = floats;
        this.doubles = doubles;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * float32 values, taken without copying: for arrays made just for this object (a capture from a
     * network, a file read). The caller must not modify the array afterwards.
     */
    public static Activations wrap(float[] values, int rows, int columns) {
        return new Activations(values, null, rows, columns);
    }

    /** float64 values, taken without copying, on the same terms as {@link #wrap(float[], int, int)}. */
    public static Activations wrap(double[] values, int rows, int columns) {
        return new Activations(null, values, rows, columns);
    }

    /** From a row-major matrix of doubles, rounded to float32 (the precision of a default network). */
    public static Activations ofRows(double[][] matrix) {
        double[] v = flatten(matrix);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return new Activations(f, null, matrix.length, matrix.length == 0 ? 1 : matrix[0].length);
    }

    /** From a row-major matrix of doubles, kept in float64. */
    public static Activations ofRowsFloat64(double[][] matrix) {
        return new Activations(null, flatten(matrix), matrix.length, matrix.length == 0 ? 1 : matrix[0].length);
    }

    private static double[] flatten(double[][] matrix) {
        int r = matrix.length;
        int c = r == 0 ? 1 : matrix[0].length;
        double[] v = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (matrix[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + matrix[i].length + " columns, row 0 has " + c);
            }
            System.arraycopy(matrix[i], 0, v, i * c, c);
        }
        return v;
    }

    public Precision precision() {
        return floats != null ? Precision.FLOAT32 : Precision.FLOAT64;
    }

    /** A copy of the values, row-major, as doubles (exact in either precision). */
    public double[] toDoubleArray() {
        if (doubles != null) {
            return doubles.clone();
        }
        double[] v = new double[floats.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = floats[i];
        }
        return v;
    }

    /** A copy of the float32 values, row-major; float64 values are refused rather than rounded. */
    public float[] toFloatArray() {
        if (floats == null) {
            throw new IllegalStateException("float64 activations are not rounded to float32 implicitly");
        }
        return floats.clone();
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int size() {
        return floats != null ? floats.length : doubles.length;
    }

    public double get(int row, int column) {
        return getFlat(row * columns + column);
    }

    /** Value at a flat row-major position. */
    public double getFlat(int position) {
        return floats != null ? floats[position] : doubles[position];
    }

    /** The rows at the given positions, in that order (a resample of the probe), in this precision. */
    public Activations selectRows(int[] rowIndices) {
        int n = rowIndices.length;
        float[] f = floats == null ? null : new float[n * columns];
        double[] d = doubles == null ? null : new double[n * columns];
        for (int i = 0; i < n; i++) {
            int from = rowIndices[i] * columns;
            if (f != null) {
                System.arraycopy(floats, from, f, i * columns, columns);
            } else {
                System.arraycopy(doubles, from, d, i * columns, columns);
            }
        }
        return new Activations(f, d, n, columns);
    }

    /** The columns at the given positions, in that order, in this precision. */
    public Activations selectColumns(int[] columnIndices) {
        int m = columnIndices.length;
        float[] f = floats == null ? null : new float[rows * m];
        double[] d = doubles == null ? null : new double[rows * m];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < m; c++) {
                int from = r * columns + columnIndices[c];
                if (f != null) {
                    f[r * m + c] = floats[from];
                } else {
                    d[r * m + c] = doubles[from];
                }
            }
        }
        return new Activations(f, d, rows, m);
    }

    /** Number of NaN or infinite values. */
    public long countNonFinite() {
        long n = 0;
        for (int i = 0, size = size(); i < size; i++) {
            n += Double.isFinite(getFlat(i)) ? 0 : 1;
        }
        return n;
    }

    public long countNaN() {
        long n = 0;
        for (int i = 0, size = size(); i < size; i++) {
            n += Double.isNaN(getFlat(i)) ? 1 : 0;
        }
        return n;
    }

    /** Smallest value (NaN ignored); +Infinity when there is none. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0, size = size(); i < size; i++) {
            double v = getFlat(i);
            if (v < m) {
                m = v;
            }
        }
        return m;
    }

    /** Largest value (NaN ignored); -Infinity when there is none. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0, size = size(); i < size; i++) {
            double v = getFlat(i);
            if (v > m) {
                m = v;
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activations a && a.rows == rows && a.columns == columns
                && Arrays.equals(a.floats, floats) && Arrays.equals(a.doubles, doubles);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rows + columns) + Arrays.hashCode(floats)) + Arrays.hashCode(doubles);
    }

    @Override
    public String toString() {
        return "Activations[" + rows + " x " + columns + ", " + precision().name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
