package org.infolens.estimate.spectral;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eigenvalues (never vectors) of a dense symmetric matrix by LAPACK. With the CPU backend this calls
 * LAPACKE_dsyevd with jobz 'N' on the matrix's own native buffer, in the OpenBLAS that nd4j-native
 * loads: measured here at N = 5,000 that is 12 s against 135 s through ND4J's {@code Eigen} (which also
 * ends in LAPACK, but copies and converts on the way). With another backend, ND4J's path is used.
 *
 * <p>The two-stage driver (dsyev_2stage) would be faster still, but OpenBLAS 0.3.19 returns wrong
 * eigenvalues from it with the SkylakeX kernels (its trace did not match), so it is not used.
 */
public final class SymmetricEigenvalues {

    private static final Logger log = LoggerFactory.getLogger(SymmetricEigenvalues.class);
    private static final boolean DIRECT = directLapackAvailable();

    private SymmetricEigenvalues() {
    }

    /**
     * Eigenvalues of the symmetric double matrix {@code a} (square, c order), ascending. Destroys
     * {@code a}'s contents: LAPACK works in place.
     */
    public static double[] destructive(INDArray a) {
        if (a.rank() != 2 || a.rows() != a.columns()) {
            throw new IllegalArgumentException("eigenvalues of a square matrix, got shape " + java.util.Arrays.toString(a.shape()));
        }
        if (a.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("eigenvalues in double precision, got " + a.dataType());
        }
        int n = (int) a.rows();
        if (DIRECT && a.ordering() == 'c' && !a.isView()) {
            return DirectLapack.dsyevd(a, n);
        }
        return Eigen.symmetricGeneralizedEigenvalues(a, false).toDoubleVector();
    }

    /** Which route {@link #destructive} takes, for provenance. */
    public static String route() {
        return DIRECT ? "LAPACKE_dsyevd(jobz=N) via OpenBLAS" : "ND4J Eigen.symmetricGeneralizedEigenvalues";
    }

    private static boolean directLapackAvailable() {
        try {
            return DirectLapack.probe();
        } catch (LinkageError | RuntimeException e) { // another backend, or no OpenBLAS natives
            log.debug("direct LAPACK unavailable ({}); eigenvalues through ND4J", e.toString());
            return false;
        }
    }

    /** Kept in its own class so that a missing OpenBLAS preset fails here, inside the probe. */
    private static final class DirectLapack {

        static boolean probe() {
            if (!org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getName().contains(".cpu.")) {
                return false; // buffers of other backends are not host memory
            }
            double[] m = {2, 1, 1, 2};
            double[] w = new double[2];
            int info = org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd(
                    org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR, (byte) 'N', (byte) 'U', 2, m, 2, w);
            return info == 0 && Math.abs(w[0] - 1) < 1e-12 && Math.abs(w[1] - 3) < 1e-12;
        }

        static double[] dsyevd(INDArray a, int n) {
            org.bytedeco.javacpp.DoublePointer matrix = new org.bytedeco.javacpp.DoublePointer(a.data().addressPointer());
            try (org.bytedeco.javacpp.DoublePointer w = new org.bytedeco.javacpp.DoublePointer(n)) {
                int info = org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd(
                        org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR, (byte) 'N', (byte) 'U', n, matrix, n, w);
                if (info != 0) {
                    throw new IllegalStateException("LAPACK dsyevd failed on a " + n + " x " + n + " matrix (info " + info + ")");
                }
                double[] values = new double[n];
                w.get(values);
                return values;
            }
        }
    }
}
