package org.infolens.estimate.spectral;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * LAPACK's symmetric eigenvalue drivers from the system's OpenBLAS (Debian's libopenblas0, which the project's scripts
 * install), called through JNA on the matrix's own native buffer. A current OpenBLAS runs the tridiagonal reduction
 * faster than the 0.3.19 that nd4j-native bundles, and its two-stage reduction (dense to band by BLAS-3, then band to
 * tridiagonal) returns the one-stage values, which 0.3.19's does not; {@link #load} checks that on a probe matrix and
 * uses the one-stage driver when they differ.
 *
 * <p>The library is opened by its full path and with RTLD_LOCAL: its soname, libopenblas.so.0, is also that of the
 * OpenBLAS nd4j-native has loaded, and neither may resolve the other's symbols.
 */
final class SystemLapack {

    /** Where Debian and Ubuntu put the OpenBLAS of the alternatives system; $INFOLENS_OPENBLAS overrides. */
    static final Path DEFAULT_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libopenblas.so.0");
    private static final int RTLD_LAZY_LOCAL = 1; // RTLD_LAZY, and RTLD_LOCAL (0)
    /** Larger than the two-stage reduction's band and block sizes, so that the probe runs its blocked path. */
    private static final int PROBE_SIZE = 320;

    private final Path library;
    private final String config;
    private final Function driver;
    private final String driverName;

    private SystemLapack(Path library, String config, Function driver, String driverName) {
        this.library = library;
        this.config = config;
        this.driver = driver;
        this.driverName = driverName;
    }

    /**
     * The system OpenBLAS at {@code library} with the fastest driver that returns the right eigenvalues: dsyevd_2stage
     * when its values equal dsyevd's on a probe matrix (to 1e-12 of the largest), else dsyevd.
     *
     * @throws IllegalStateException when the library is missing, lacks the drivers, or fails the probe
     */
    static SystemLapack load(Path library) {
        if (!Files.isReadable(library)) {
            throw new IllegalStateException("no system OpenBLAS at " + library);
        }
        NativeLibrary lib = NativeLibrary.getInstance(library.toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY_LOCAL));
        Function configFunction = lib.getFunction("openblas_get_config");
        Function core = lib.getFunction("openblas_get_corename");
        String config = configFunction.invokeString(new Object[0], false).strip() + ", kernel " + core.invokeString(new Object[0], false);
        Function oneStage = lib.getFunction("dsyevd_");
        double[] probe = probeMatrix(PROBE_SIZE);
        double[] reference = eigenvalues(oneStage, probe, PROBE_SIZE);
        checkTrace(reference, probe, PROBE_SIZE, library);
        try {
            Function twoStage = lib.getFunction("dsyevd_2stage_");
            double[] fast = eigenvalues(twoStage, probe, PROBE_SIZE);
            double scale = Math.max(Math.abs(reference[0]), Math.abs(reference[PROBE_SIZE - 1]));
            for (int i = 0; i < PROBE_SIZE; i++) {
                if (!(Math.abs(fast[i] - reference[i]) <= 1e-12 * scale)) {
                    return new SystemLapack(library, config, oneStage, "dsyevd (dsyevd_2stage disagreed on the probe)");
                }
            }
            return new SystemLapack(library, config, twoStage, "dsyevd_2stage");
        } catch (UnsatisfiedLinkError e) { // a LAPACK older than 3.7
            return new SystemLapack(library, config, oneStage, "dsyevd");
        }
    }

    /** Eigenvalues, ascending, of the symmetric n x n matrix at {@code matrix} (either order: it is symmetric); destroys it. */
    double[] eigenvalues(Pointer matrix, int n) {
        return run(driver, matrix, n);
    }

    /** The library, its build and kernel, and the driver: provenance for records. */
    String describe() {
        return String.format(Locale.ROOT, "LAPACK %s(jobz=N) from %s (%s)", driverName, library, config);
    }

    private static double[] eigenvalues(Function driver, double[] matrix, int n) {
        Memory copy = new Memory(8L * n * n);
        copy.write(0, matrix, 0, matrix.length);
        return run(driver, copy, n);
    }

    /** Fortran calling convention: every argument by reference, then the hidden lengths of the two character arguments. */
    private static double[] run(Function driver, Pointer matrix, int n) {
        byte[] jobz = {'N'};
        byte[] uplo = {'U'};
        IntByReference size = new IntByReference(n);
        IntByReference info = new IntByReference();
        // JNA 4's Memory (the version nd4j brings) frees itself when collected; these are O(n) and O(n nb) bytes.
        Memory w = new Memory(8L * Math.max(1, n));
        Memory query = new Memory(8);
        Memory iquery = new Memory(4);
        driver.invokeVoid(new Object[] {jobz, uplo, size, matrix, size, w, query, new IntByReference(-1), iquery, new IntByReference(-1), info,
            1L, 1L});
        check(info, n, "workspace query");
        int lwork = (int) Math.ceil(query.getDouble(0));
        int liwork = Math.max(1, iquery.getInt(0));
        driver.invokeVoid(new Object[] {jobz, uplo, size, matrix, size, w, new Memory(8L * Math.max(1, lwork)), new IntByReference(lwork),
            new Memory(4L * liwork), new IntByReference(liwork), info, 1L, 1L});
        check(info, n, "eigenvalues");
        return w.getDoubleArray(0, n);
    }

    private static void check(IntByReference info, int n, String step) {
        if (info.getValue() != 0) {
            throw new IllegalStateException("LAPACK " + step + " failed on a " + n + " x " + n + " matrix (info " + info.getValue() + ")");
        }
    }

    /** A dense symmetric matrix with spread eigenvalues: a Gaussian kernel on points of a seeded sequence, plus a ramp. */
    private static double[] probeMatrix(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            double xi = Math.sin(1.7 * i) * 3;
            for (int j = 0; j < n; j++) {
                double xj = Math.sin(1.7 * j) * 3;
                a[i * n + j] = Math.exp(-(xi - xj) * (xi - xj)) + (i == j ? i / (double) n : 0);
            }
        }
        return a;
    }

    /** The sum of the eigenvalues is the trace: a wrong library (or calling convention) fails here. */
    private static void checkTrace(double[] lambda, double[] a, int n, Path library) {
        double sum = 0;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            sum += lambda[i];
            trace += a[i * n + i];
        }
        if (!(Math.abs(sum - trace) <= 1e-10 * trace)) {
            throw new IllegalStateException("dsyevd of " + library + " failed its probe (eigenvalue sum " + sum + ", trace " + trace + ")");
        }
    }
}
