package org.infolens.estimate.knn;

import java.util.SplittableRandom;
import org.infolens.data.Activations;

/**
 * Points for neighbour search: rows of one or more matrices side by side, in double (float32
 * activations widen exactly, so distances match a float64 reference bit for bit), optionally
 * jittered.
 *
 * <p>Ties (saturated tanh units at +-1, ReLU zeros) make zero neighbour distances, which break the
 * k-NN estimators; a seeded Gaussian jitter of sd {@code relative} times each column's scale (its
 * standard deviation, or |mean| or 1 for a constant column) separates them without moving any
 * distance that matters.
 */
public final class PointSet {

    private final double[] values; // row-major
    private final int rows;
    private final int dims;

    private PointSet(double[] values, int rows, int dims) {
        this.values = values;
        this.rows = rows;
        this.dims = dims;
    }

    /** The rows of {@code parts} side by side (all with the same number of rows). */
    public static PointSet of(Activations... parts) {
        int rows = parts[0].rows();
        int dims = 0;
        for (Activations p : parts) {
            if (p.rows() != rows) {
                throw new IllegalArgumentException("point sets to join have " + rows + " and " + p.rows() + " rows");
            }
            dims += p.columns();
        }
        double[] v = new double[rows * dims];
        int offset = 0;
        for (Activations p : parts) {
            int c = p.columns();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < c; j++) {
                    v[r * dims + offset + j] = p.get(r, j);
                }
            }
            offset += c;
        }
        return new PointSet(v, rows, dims);
    }

    /** Points from a row-major matrix of doubles (kept, not copied: the caller hands it over). */
    public static PointSet ofRows(double[] rowMajor, int rows, int dims) {
        if ((long) rows * dims != rowMajor.length) {
            throw new IllegalArgumentException(rows + " x " + dims + " points need " + (long) rows * dims + " values, got " + rowMajor.length);
        }
        return new PointSet(rowMajor, rows, dims);
    }

    /** This set's rows side by side with another's. */
    public PointSet join(PointSet other) {
        if (other.rows != rows) {
            throw new IllegalArgumentException("point sets to join have " + rows + " and " + other.rows + " rows");
        }
        int d = dims + other.dims;
        double[] v = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * dims, v, r * d, dims);
            System.arraycopy(other.values, r * other.dims, v, r * d + dims, other.dims);
        }
        return new PointSet(v, rows, d);
    }

    /** The given rows of this set. */
    public PointSet subset(int[] rowIndices) {
        double[] v = new double[rowIndices.length * dims];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(values, rowIndices[i] * dims, v, i * dims, dims);
        }
        return new PointSet(v, rowIndices.length, dims);
    }

    /** Columns [from, to) of every row. */
    public PointSet columns(int from, int to) {
        int d = to - from;
        double[] v = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * dims + from, v, r * d, d);
        }
        return new PointSet(v, rows, d);
    }

    /** A copy with each column scaled to mean 0 and sd 1; a constant column is left as it is. */
    public PointSet standardized() {
        double[] v = values.clone();
        for (int j = 0; j < dims; j++) {
            double mean = mean(j);
            double sd = sd(j, mean);
            if (sd > 0) {
                for (int r = 0; r < rows; r++) {
                    v[r * dims + j] = (v[r * dims + j] - mean) / sd;
                }
            }
        }
        return new PointSet(v, rows, dims);
    }

    /**
     * A copy with each column replaced by its ranks or their normal scores ({@link Copula}); tied values
     * share their mean rank (the jitter then separates them, as it does for raw ties).
     */
    public PointSet copula(Copula kind) {
        return kind == Copula.OFF ? this : new PointSet(kind.transform(values, rows, dims), rows, dims);
    }

    private double mean(int column) {
        double mean = 0;
        for (int r = 0; r < rows; r++) {
            mean += values[r * dims + column];
        }
        return mean / rows;
    }

    private double sd(int column, double mean) {
        double var = 0;
        for (int r = 0; r < rows; r++) {
            double dv = values[r * dims + column] - mean;
            var += dv * dv;
        }
        return Math.sqrt(var / rows);
    }

    /** A jittered copy; {@code relative} 0 returns this set. */
    public PointSet jittered(double relative, long seed) {
        if (relative == 0) {
            return this;
        }
        double[] scale = new double[dims];
        for (int j = 0; j < dims; j++) {
            double mean = mean(j);
            double sd = sd(j, mean);
            scale[j] = relative * (sd > 0 ? sd : Math.abs(mean) > 0 ? Math.abs(mean) : 1);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += scale[i % dims] * rnd.nextGaussian();
        }
        return new PointSet(v, rows, dims);
    }

    public int rows() {
        return rows;
    }

    public int dims() {
        return dims;
    }

    double get(int row, int dim) {
        return values[row * dims + dim];
    }

    /** The backing array, row-major; read-only by convention inside this package (searches run on it). */
    double[] raw() {
        return values;
    }
}
