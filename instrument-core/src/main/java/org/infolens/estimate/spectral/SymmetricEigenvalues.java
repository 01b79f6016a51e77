package org.infolens.estimate.spectral;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eigenvalues (never vectors) of a dense symmetric matrix by LAPACK, on the matrix's own native buffer, by the first
 * route that works:
 * <ol>
 * <li>{@code system}: the system's OpenBLAS (Debian's libopenblas0, $INFOLENS_OPENBLAS for another path) through JNA,
 * dsyevd with the kernel that OpenBLAS picks for this processor ({@link SystemLapack});
 * <li>{@code bundled}: LAPACKE_dsyevd in the OpenBLAS 0.3.19 that nd4j-native loads (its two-stage driver returns wrong
 * eigenvalues with the SkylakeX kernels, so it is not used); at N = 5,000 that was 12 s against 135 s through ND4J's
 * {@code Eigen}, which copies and converts on the way;
 * <li>{@code nd4j}: ND4J's {@code Eigen} (any backend).
 * </ol>
 * The system property {@code infolens.lapack} (system, bundled, nd4j) picks one; {@link #route()} records which ran.
 */
public final class SymmetricEigenvalues {

    private static final Logger log = LoggerFactory.getLogger(SymmetricEigenvalues.class);
    /** The system property that picks a route. */
    public static final String ROUTE_PROPERTY = "infolens.lapack";
    private static final String WANTED = System.getProperty(ROUTE_PROPERTY, "");
    private static final String THREADS = System.getProperty(SystemLapack.THREADS_PROPERTY, "all");
    /** Why the properties cannot be followed, or null: thrown by every call, so a mistyped value is an ordinary bad-input error. */
    private static final String MISCONFIGURED = misconfiguration(WANTED, THREADS);
    private static final SystemLapack SYSTEM = MISCONFIGURED == null ? systemLapack() : null;
    private static final boolean DIRECT = MISCONFIGURED == null && SYSTEM == null && directLapackAvailable();

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
        requireConfigured();
        int n = (int) a.rows();
        if (SYSTEM != null && a.ordering() == 'c' && !a.isView()) {
            return SYSTEM.eigenvalues(new com.sun.jna.Pointer(a.data().address()), n);
        }
        if (DIRECT && a.ordering() == 'c' && !a.isView()) {
            return DirectLapack.dsyevd(a, n);
        }
        return Eigen.symmetricGeneralizedEigenvalues(a, false).toDoubleVector();
    }

    /** The system OpenBLAS when the route is {@code system}, null otherwise: the kernel's Gram matrix then comes from it too. */
    static SystemLapack system() {
        requireConfigured();
        return SYSTEM;
    }

    /** Which route {@link #destructive} takes, for provenance. */
    public static String route() {
        requireConfigured();
        if (SYSTEM != null) {
            return SYSTEM.describe();
        }
        return DIRECT ? "LAPACKE_dsyevd(jobz=N) via nd4j-native's OpenBLAS" : "ND4J Eigen.symmetricGeneralizedEigenvalues";
    }

    /** What is wrong with the route asked for ("" for none) or the thread choice, or null. */
    static String misconfiguration(String route, String threads) {
        if (!java.util.List.of("", "system", "bundled", "nd4j").contains(route)) {
            return "-D" + ROUTE_PROPERTY + "=" + route + ": expected system, bundled or nd4j";
        }
        try {
            SystemLapack.threadChoice(threads);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void requireConfigured() {
        if (MISCONFIGURED != null) {
            throw new IllegalArgumentException(MISCONFIGURED);
        }
    }

    private static SystemLapack systemLapack() {
        if (!WANTED.isEmpty() && !WANTED.equals("system")) {
            return null;
        }
        if (!org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getName().contains(".cpu.")) {
            return null; // buffers of other backends are not host memory
        }
        String path = System.getenv("INFOLENS_OPENBLAS");
        try {
            return SystemLapack.load(path == null ? SystemLapack.DEFAULT_LIBRARY : java.nio.file.Path.of(path), SystemLapack.threadChoice(THREADS));
        } catch (LinkageError | RuntimeException e) { // no system OpenBLAS (not Debian, or not installed), or no JNA
            log.debug("system LAPACK unavailable ({}); the bundled route", e.toString());
            return null;
        }
    }

    private static boolean directLapackAvailable() {
        if (WANTED.equals("nd4j")) {
            return false;
        }
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
