package org.infolens.estimate.spectral;

import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.TestData;

/** Data with known diffusion spectra: separated clusters, repeated rows, isolated points. */
final class SpectralTestData {

    private SpectralTestData() {
    }

    /** k clusters of m rows in d dims, centres 100 apart, rows within {@code spread} of their centre; labels = cluster. */
    static TestData.Case clusters(int k, int m, int d, double spread, long seed) {
        Random rnd = new Random(seed);
        double[][] rows = new double[k * m][d];
        int[] labels = new int[k * m];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < m; i++) {
                int r = c * m + i;
                labels[r] = c;
                for (int j = 0; j < d; j++) {
                    rows[r][j] = (j == c % d ? 100.0 * (c + 1) : 0) + spread * rnd.nextGaussian();
                }
            }
        }
        return new TestData.Case(Activations.ofRows(rows), Probe.of(labels));
    }

    /** n rows of i.i.d. normal values of standard deviation {@code sd}, labels random over {@code classes}. */
    static TestData.Case gaussian(int n, int d, double sd, int classes, long seed) {
        Random rnd = new Random(seed);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = sd * rnd.nextGaussian();
            }
        }
        return new TestData.Case(Activations.ofRows(rows), Probe.of(TestData.uniformLabels(n, classes, seed + 1)));
    }
}
