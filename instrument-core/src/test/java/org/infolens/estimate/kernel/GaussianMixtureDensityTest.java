package org.infolens.estimate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocked, pruned mean log density against every pair summed directly. */
class GaussianMixtureDensityTest {

    /**
     * Clustered points (clusters of spread {@code spread}, centres far apart) in d dimensions: wide
     * layers prune on the float projection, tight clusters fall back to the exact Gram matrix, narrow
     * layers use it always; all must equal the direct sum over every pair.
     */
    @ParameterizedTest(name = "n={0} d={1} spread={2} s2={3}")
    @CsvSource({
        "600, 20, 0.3, 0.1",
        "600, 200, 0.05, 0.1",
        "600, 200, 0.02, 0.1",
        "600, 200, 0.0001, 0.1",
        "500, 300, 0.05, 0.01",
        "300, 65, 1.0, 1.0",
        "400, 200, 0.05, 100"})
    void prunedSumEqualsTheSumOverEveryPair(int n, int d, double spread, double s2) {
        Random rnd = new Random(n + d);
        double[][] centres = new double[12][d];
        for (double[] c : centres) {
            for (int k = 0; k < d; k++) {
                c[k] = rnd.nextGaussian();
            }
        }
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            double[] c = centres[rnd.nextInt(centres.length)];
            for (int k = 0; k < d; k++) {
                x[i * d + k] = (float) (c[k] + spread * rnd.nextGaussian());
            }
        }
        GaussianMixtureDensity mixture = new GaussianMixtureDensity(x, n, d);
        assertEquals(direct(x, n, d, s2), mixture.meanLog(s2), 1e-12);
        int[] half = new int[n / 2];
        double[] halfRows = new double[half.length * d];
        for (int i = 0; i < half.length; i++) {
            half[i] = 2 * i;
            System.arraycopy(x, 2 * i * d, halfRows, i * d, d);
        }
        assertEquals(direct(halfRows, half.length, d, s2), mixture.subset(half).meanLog(s2), 1e-12);
    }

    /** (1/N) sum_i ln[(1/N) sum_j exp(-||t_i - t_j||^2 / (2 s2))] with every term. */
    private static double direct(double[] x, int n, int d, double s2) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double dist = 0;
                for (int k = 0; k < d; k++) {
                    double diff = x[i * d + k] - x[j * d + k];
                    dist += diff * diff;
                }
                sum += Math.exp(-dist / (2 * s2));
            }
            total += Math.log(sum / n);
        }
        return total / n;
    }
}
