package org.infolens.estimate.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Eigenvalues against a spectrum known by construction (a Householder reflection of a diagonal matrix), on every route,
 * at a size where LAPACK's blocked reductions run.
 */
class SymmetricEigenvaluesTest {

    private static final int N = 420;

    /** H diag(values) H with H = I - 2 v v^T / |v|^2: symmetric, dense, eigenvalues exactly {@code values}. */
    private static double[] reflected(double[] values, long seed) {
        int n = values.length;
        Random rnd = new Random(seed);
        double[] v = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
            norm += v[i] * v[i];
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // (H D H)_ij = d_i delta_ij - 2 v_i v_j (d_i + d_j) / |v|^2 + 4 v_i v_j (sum_k d_k v_k^2) / |v|^4
                a[i * n + j] = (i == j ? values[i] : 0) - 2 * v[i] * v[j] * (values[i] + values[j]) / norm;
            }
        }
        double dv = 0;
        for (int k = 0; k < n; k++) {
            dv += values[k] * v[k] * v[k];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] += 4 * v[i] * v[j] * dv / (norm * norm);
            }
        }
        return a;
    }

    private static double[] spectrum() {
        double[] values = new double[N];
        for (int i = 0; i < N; i++) {
            values[i] = Math.exp(-i / 40.0) * (i % 3 == 0 ? -1 : 1); // decaying, both signs, as kernel spectra (and worse)
        }
        return values;
    }

    @Test
    void defaultRouteReturnsTheConstructedSpectrumAscending() {
        double[] values = spectrum();
        INDArray a = Nd4j.create(reflected(values, 7), new long[] {N, N}, DataType.DOUBLE);
        double[] lambda = SymmetricEigenvalues.destructive(a);
        double[] expected = values.clone();
        Arrays.sort(expected);
        for (int i = 0; i < N; i++) {
            assertEquals(expected[i], lambda[i], 1e-13, "eigenvalue " + i + " by " + SymmetricEigenvalues.route());
        }
    }

    @Test
    void systemOpenBlasMatchesTheConstructionAndLeavesNd4jsKernelVariablesAsTheyWere() {
        assumeTrue(Files.isReadable(SystemLapack.DEFAULT_LIBRARY), "no system OpenBLAS (scripts/test installs libopenblas0)");
        SystemLapack lapack = SystemLapack.load(SystemLapack.DEFAULT_LIBRARY, false);
        assertTrue(lapack.describe().contains("dsyevd"), lapack.describe());
        // taken out of the environment while the library loads, and put back (the process's, not Java's copy of it)
        com.sun.jna.Function getenv = com.sun.jna.Function.getFunction("c", "getenv");
        for (String name : new String[] {"OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"}) {
            com.sun.jna.Pointer value = (com.sun.jna.Pointer) getenv.invoke(com.sun.jna.Pointer.class, new Object[] {name});
            assertEquals(System.getenv(name), value == null ? null : value.getString(0), name);
        }
        double[] values = spectrum();
        double[] expected = values.clone();
        Arrays.sort(expected);
        for (boolean twoStage : new boolean[] {false, true}) {
            INDArray a = Nd4j.create(reflected(values, 11), new long[] {N, N}, DataType.DOUBLE);
            double[] lambda = lapack.eigenvalues(new com.sun.jna.Pointer(a.data().address()), N, twoStage);
            for (int i = 0; i < N; i++) {
                assertEquals(expected[i], lambda[i], 1e-13, "eigenvalue " + i + (twoStage ? " by the two-stage driver of " : " by ") + lapack.describe());
            }
        }
    }

    @Test
    void aMissingSystemLibraryIsRefusedWithItsPath() {
        Path missing = Path.of("/nonexistent/libopenblas.so.0");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SystemLapack.load(missing, false));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
