package org.infolens.estimate.neural;

import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.numeric.Pca;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A variable's rows as the networks read them: row-major doubles, each column centred and scaled to
 * sd 1 (a constant column left at 0, carrying nothing), and the gathering of row subsets into ND4J
 * batches (in Java: ND4J's getRows is slow on small batches).
 */
final class Rows {

    final double[] values;
    final int rows;
    final int columns;
    /** Columns that vary; 0 means the variable is constant and carries no information. */
    final int varying;

    private Rows(double[] values, int rows, int columns, int varying) {
        this.values = values;
        this.rows = rows;
        this.columns = columns;
        this.varying = varying;
    }

    /** Standardised rows of {@code a}; an error naming the layer and {@code what} when a value is NaN or infinite. */
    static Rows standardised(Activations a, LayerId layer, String what) {
        long bad = a.countNonFinite();
        if (bad > 0) {
            throw new IllegalArgumentException(what + " of layer " + layer.describe() + " hold " + bad + " NaN or infinite values");
        }
        int n = a.rows();
        int d = a.columns();
        double[] v = new double[n * d];
        int varying = 0;
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += a.get(r, j);
            }
            double mean = sum / n;
            double ss = 0;
            for (int r = 0; r < n; r++) {
                double c = a.get(r, j) - mean;
                ss += c * c;
            }
            double sd = Math.sqrt(ss / n);
            boolean varies = sd > 1e-12 * Math.max(1, Math.abs(mean));
            varying += varies ? 1 : 0;
            for (int r = 0; r < n; r++) {
                v[r * d + j] = varies ? (a.get(r, j) - mean) / sd : 0;
            }
        }
        return new Rows(v, n, d, varying);
    }

    /**
     * These rows on their leading {@code components} principal components, fitted on the rows {@code fitRows} alone (the
     * others stay held out), all scaled by one factor that gives the kept components a mean variance of 1 on those rows:
     * their variances keep their ratios, so directions of little variance stay small beside the leading ones.
     */
    Principal principal(int components, int[] fitRows) {
        Activations fit = Activations.wrap(batch(fitRows, 0, fitRows.length).data().asDouble(), fitRows.length, columns);
        Pca pca = Pca.fit(fit, components);
        int m = pca.components();
        double[] codes = pca.project(Activations.wrap(values, rows, columns));
        double kept = 0;
        for (int r : fitRows) {
            for (int c = 0; c < m; c++) {
                kept += codes[r * m + c] * codes[r * m + c];
            }
        }
        kept /= fitRows.length;
        double total = 0; // the columns' summed variance on the fit rows
        for (double v : Pca.centredRows(fit, new double[columns])) {
            total += v * v;
        }
        total /= fitRows.length;
        double scale = 1 / Math.sqrt(kept / m);
        for (int i = 0; i < codes.length; i++) {
            codes[i] *= scale;
        }
        return new Principal(new Rows(codes, rows, m, m), kept / total);
    }

    /** Rows on principal components and the share of the fit rows' variance those components keep. */
    record Principal(Rows rows, double varianceShare) {
    }

    /** The rows {@code order[from..to)} as a (to - from) x columns ND4J matrix. */
    INDArray batch(int[] order, int from, int to) {
        double[] out = new double[(to - from) * columns];
        for (int r = from; r < to; r++) {
            System.arraycopy(values, order[r] * columns, out, (r - from) * columns, columns);
        }
        return Nd4j.create(out, new long[] {to - from, columns}, DataType.DOUBLE);
    }
}
