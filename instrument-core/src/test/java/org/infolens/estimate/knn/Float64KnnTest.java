package org.infolens.estimate.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.numeric.SpecialFunctions;
import org.junit.jupiter.api.Test;

/**
 * k-NN estimators on float64 points closer than float32 can tell apart: distances are the float64
 * ones (checked against a brute-force Kozachenko-Leonenko in this test), where the float32 rounding
 * of the same points has zero distances.
 */
class Float64KnnTest {

    @Test
    void klEntropyUsesFloat64Distances() {
        int n = 300;
        int k = 3;
        Random rnd = new Random(4);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {0.5 + rnd.nextDouble() * 1e-7, 0.25 + rnd.nextDouble() * 1e-7}; // within one float32 step
        }
        KozachenkoLeonenkoEntropy kl = new KozachenkoLeonenkoEntropy(new KnnSettings(k, Norm.MAX, 0, 0));
        Probe probe = Probe.of(new int[n]);
        double ours = kl.estimate(LayerId.of(0, 2), Activations.ofRowsFloat64(rows), probe).value("H_T");
        assertEquals(bruteForceKlBits(rows, k), ours, 1e-9 * Math.abs(ours));
        assertThrows(IllegalArgumentException.class, () -> kl.estimate(LayerId.of(0, 2), Activations.ofRows(rows), probe),
                "rounded to float32 the points coincide");
    }

    /** H = psi(n) - psi(k) + d ln 2 + d mean ln r_k (max norm), in bits, by sorting every row's distances. */
    private static double bruteForceKlBits(double[][] x, int k) {
        int n = x.length;
        int d = x[0].length;
        double meanLog = 0;
        for (int i = 0; i < n; i++) {
            double[] dist = new double[n - 1];
            for (int j = 0, m = 0; j < n; j++) {
                if (j != i) {
                    double r = 0;
                    for (int c = 0; c < d; c++) {
                        r = Math.max(r, Math.abs(x[i][c] - x[j][c]));
                    }
                    dist[m++] = r;
                }
            }
            Arrays.sort(dist);
            meanLog += Math.log(dist[k - 1]) / n;
        }
        return (SpecialFunctions.digamma(n) - SpecialFunctions.digamma(k) + d * Math.log(2) + d * meanLog) / Math.log(2);
    }
}
