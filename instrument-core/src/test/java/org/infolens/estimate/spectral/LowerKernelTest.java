package org.infolens.estimate.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-place kernel against the operator written out entry by entry (distances as differences, not through the
 * Gram matrix), on both Gram routes, at a size that is not a multiple of the mirror's tile.
 */
class LowerKernelTest {

    private static final int N = 150;
    private static final int D = 7;

    private static double[] points() {
        Random rnd = new Random(3);
        double[] z = new double[N * D];
        for (int i = 0; i < z.length; i++) {
            z[i] = 2 * rnd.nextGaussian();
        }
        return z;
    }

    /** K = D^-1/2 G D^-1/2 of Liao et al., directly. */
    private static double[][] direct(double[] z, double sigma) {
        double[][] g = new double[N][N];
        double[] sums = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int k = 0; k < D; k++) {
                    double diff = z[i * D + k] - z[j * D + k];
                    s += diff * diff;
                }
                g[i][j] = Math.exp(-s / (2 * sigma * sigma));
                sums[i] += g[i][j];
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                g[i][j] /= Math.sqrt(sums[i] * sums[j]);
            }
        }
        return g;
    }

    private static void assertKernel(SystemLapack blas, String route) {
        double[] z = points();
        double sigma = 3;
        LowerKernel k = LowerKernel.distances(z, N, D, blas);
        k.normalise(sigma);
        double[] flat = k.matrix().data().asDouble();
        double[][] expected = direct(z, sigma);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertEquals(expected[i][j], flat[i * N + j], 1e-14, route + ": K[" + i + "][" + j + "]");
            }
        }
        k.matrix().close();
    }

    @Test
    void nd4jGramGivesTheOperatorInBothTriangles() {
        assertKernel(null, "ND4J GEMM");
    }

    @Test
    void systemDsyrkGivesTheOperatorInBothTriangles() {
        assumeTrue(Files.isReadable(SystemLapack.DEFAULT_LIBRARY), "no system OpenBLAS (scripts/test installs libopenblas0)");
        assertKernel(SystemLapack.load(SystemLapack.DEFAULT_LIBRARY, false), "system dsyrk");
    }

    @Test
    void medianDistanceReadsEveryPairOnce() {
        double[] z = points();
        double[] all = new double[N * (N - 1) / 2];
        int m = 0;
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                double s = 0;
                for (int k = 0; k < D; k++) {
                    double diff = z[i * D + k] - z[j * D + k];
                    s += diff * diff;
                }
                all[m++] = Math.sqrt(s);
            }
        }
        Arrays.sort(all);
        double expected = (all[(all.length - 1) / 2] + all[all.length / 2]) / 2;
        LowerKernel k = LowerKernel.distances(z, N, D, null);
        assertEquals(expected, k.medianDistance(), 1e-12 * expected);
        k.matrix().close();
    }
}
