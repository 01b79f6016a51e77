package org.infolens.estimate.spectral;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LAPACK's symmetric eigenvalue drivers, and BLAS's symmetric rank-k product dsyrk (for the diffusion kernel's Gram
 * matrix, {@link DiffusionKernel}), from the system's OpenBLAS (Debian's libopenblas0, which the project's scripts
 * install), called through JNA on the matrix's own native buffer, with the kernel that OpenBLAS picks for this
 * processor ({@link #openWithItsOwnKernel}).
 *
 * <p>Below {@link #TWO_STAGE_FROM} rows the one-stage driver dsyevd; from there the two-stage dsyevd_2stage. The
 * one-stage tridiagonal reduction spends half its flops in dsymv, which reads the whole trailing triangle once per
 * column: once that triangle is far larger than the last-level cache (32 MB on the machines measured; 64 MB at
 * N = 4,000) it runs at memory speed, where the two-stage reduction's first stage is BLAS-3 and its bulge chasing
 * works on a narrow band. On a 2-core Zen 3 machine (OpenBLAS 0.3.21, Zen kernels), loaded by other jobs, the two-stage
 * driver took 16.4-16.7 s against 21.4-27.2 s at N = 5,000 and 9.3 s against 10.9 s at 4,000, and lost at 2,000
 * (1.1-1.8 s against 0.8-1.3 s); an earlier 2-core AVX-512 machine had the one-stage driver ahead at 2,000 and
 * 5,000. Both are checked on a probe matrix when the library loads, as the two-stage driver of nd4j-native's
 * OpenBLAS 0.3.19 returned wrong eigenvalues.
 *
 * <p>With {@code -D}{@value #THREADS_PROPERTY}{@code =idle}, each call runs on as many OpenBLAS threads as cores are
 * idle at that moment ({@link IdleCores}), at most the library's own count (OPENBLAS_NUM_THREADS, or the cores): on a
 * machine shared with other work, a thread on a busy core holds every other at the reduction's barriers (1.8-2.5x
 * faster with one core busy). It is not the default because the eigenvalues then depend on the thread count in their
 * last bits (about 1e-16 relative), and the same input must give the same record. Its calls are serialised, as the
 * count is the library's global state.
 *
 * <p>The library is opened by its full path and with RTLD_LOCAL: its soname, libopenblas.so.0, is also that of the
 * OpenBLAS nd4j-native has loaded, and neither may resolve the other's symbols.
 */
final class SystemLapack {

    private static final Logger log = LoggerFactory.getLogger(SystemLapack.class);
    /** Where Debian and Ubuntu put the OpenBLAS of the alternatives system; $INFOLENS_OPENBLAS overrides. */
    static final Path DEFAULT_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libopenblas.so.0");
    private static final int RTLD_LAZY_LOCAL = 1; // RTLD_LAZY, and RTLD_LOCAL (0)
    /** Larger than dsytrd's block size, so that the probe runs its blocked path. */
    private static final int PROBE_SIZE = 320;
    /** Rows from which the two-stage driver is used (see above). */
    static final int TWO_STAGE_FROM = 4_000;
    /** The system property that picks the thread count: {@code all} (the default) or {@code idle}. */
    static final String THREADS_PROPERTY = "infolens.lapack.threads";
    /** The environment variables that pin an OpenBLAS to a kernel and cache size when it loads. */
    private static final List<String> KERNEL_VARIABLES = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");
    /**
     * OpenBLAS's worker threads spin for 2^n cycles after a call before they sleep (n = 28 by default, about 0.1 s):
     * spinning, they are runnable and {@link IdleCores} counted them as other work (6 of 10 calls on a quiet machine
     * chose one thread). 2^22 cycles (about 2 ms) still spans the gaps between the BLAS calls inside one reduction.
     */
    private static final String THREAD_TIMEOUT_VARIABLE = "OPENBLAS_THREAD_TIMEOUT";
    private static final String THREAD_TIMEOUT_LOG2_CYCLES = "22";

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANSPOSE = 111;
    private static final int LOWER = 122;

    private final Path library;
    private final String config;
    private final Driver oneStage;
    private final Driver twoStage;
    private final Function rankK;
    private final Function setThreads;
    private final int maxThreads;
    private final boolean idleCoresOnly;

    private SystemLapack(Path library, String config, Driver oneStage, Driver twoStage, Function rankK, Function setThreads, int maxThreads,
            boolean idleCoresOnly) {
        this.library = library;
        this.config = config;
        this.oneStage = oneStage;
        this.twoStage = twoStage;
        this.rankK = rankK;
        this.setThreads = setThreads;
        this.maxThreads = maxThreads;
        this.idleCoresOnly = idleCoresOnly;
    }

    /**
     * The system OpenBLAS at {@code library}, checked on a probe matrix (the eigenvalues must sum to its trace), its calls
     * on the idle cores' threads where {@code idleCoresOnly} ({@link #threadChoice}), else on all of its threads.
     *
     * @throws IllegalStateException when the library is missing, lacks the driver, or fails the probe
     */
    static SystemLapack load(Path library, boolean idleCoresOnly) {
        if (!Files.isReadable(library)) {
            throw new IllegalStateException("no system OpenBLAS at " + library);
        }
        NativeLibrary lib = openWithItsOwnKernel(library);
        Function configFunction = lib.getFunction("openblas_get_config");
        Function core = lib.getFunction("openblas_get_corename");
        String config = configFunction.invokeString(new Object[0], false).strip() + ", kernel " + core.invokeString(new Object[0], false);
        Driver oneStage = new Driver(lib.getFunction("dsyevd_"), 'U');
        Driver twoStage = new Driver(lib.getFunction("dsyevd_2stage_"), 'L');
        double[] probe = probeMatrix(PROBE_SIZE);
        double[] expected = eigenvalues(oneStage, probe, PROBE_SIZE);
        checkTrace(expected, probe, PROBE_SIZE, library);
        checkSame(eigenvalues(twoStage, probe, PROBE_SIZE), expected, library);
        int maxThreads = Math.max(1, lib.getFunction("openblas_get_num_threads").invokeInt(new Object[0]));
        return new SystemLapack(library, config, oneStage, twoStage, lib.getFunction("cblas_dsyrk"), lib.getFunction("openblas_set_num_threads"),
                maxThreads, idleCoresOnly);
    }

    /**
     * Opens {@code library} with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE out of the process environment while its
     * initialiser runs, then puts them back. They are there for nd4j-native's OpenBLAS 0.3.19, which does not know
     * recent processors; a current OpenBLAS chooses its kernel by itself, and held to the one they name it ran the
     * eigenvalue driver with AVX2 kernels on an AVX-512 machine (Haswell instead of Cooperlake). OpenBLAS reads them only
     * when it is loaded, so nd4j-native's kernels are untouched. OPENBLAS_THREAD_TIMEOUT, unless set, is
     * {@value #THREAD_TIMEOUT_LOG2_CYCLES} while it loads.
     */
    private static synchronized NativeLibrary openWithItsOwnKernel(Path library) {
        Function unsetenv = Function.getFunction("c", "unsetenv");
        Function setenv = Function.getFunction("c", "setenv");
        Map<String, String> held = new LinkedHashMap<>();
        for (String name : KERNEL_VARIABLES) {
            String value = System.getenv(name);
            if (value != null) {
                held.put(name, value);
                unsetenv.invokeInt(new Object[] {name});
            }
        }
        boolean timeoutSetHere = System.getenv(THREAD_TIMEOUT_VARIABLE) == null;
        if (timeoutSetHere) {
            setenv.invokeInt(new Object[] {THREAD_TIMEOUT_VARIABLE, THREAD_TIMEOUT_LOG2_CYCLES, 1});
        }
        try {
            return NativeLibrary.getInstance(library.toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY_LOCAL));
        } finally {
            held.forEach((name, value) -> setenv.invokeInt(new Object[] {name, value, 1}));
            if (timeoutSetHere) {
                unsetenv.invokeInt(new Object[] {THREAD_TIMEOUT_VARIABLE});
            }
        }
    }

    /** Eigenvalues, ascending, of the symmetric n x n matrix at {@code matrix} (either order: it is symmetric); destroys it. */
    double[] eigenvalues(Pointer matrix, int n) {
        return eigenvalues(matrix, n, n >= TWO_STAGE_FROM);
    }

    /** As {@link #eigenvalues(Pointer, int)}, by the driver named. */
    double[] eigenvalues(Pointer matrix, int n, boolean twoStageDriver) {
        Driver driver = twoStageDriver ? twoStage : oneStage;
        return onChosenThreads(() -> run(driver, matrix, n));
    }

    /**
     * The lower triangle (diagonal included) of Z Z^T for the n x d row-major {@code z}, into the row-major n x n
     * matrix at {@code gram} (its strictly upper triangle is left as it was): half the flops of a GEMM.
     */
    void lowerGram(double[] z, int n, int d, Pointer gram) {
        onChosenThreads(() -> {
            rankK.invokeVoid(new Object[] {ROW_MAJOR, LOWER, NO_TRANSPOSE, n, d, 1.0, z, d, 0.0, gram, n});
            return null;
        });
    }

    /** Whether the value {@code wanted} of {@value #THREADS_PROPERTY} asks for the idle cores' threads; an unknown one throws. */
    static boolean threadChoice(String wanted) {
        if (!wanted.equals("all") && !wanted.equals("idle")) {
            throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + wanted + ": expected all or idle");
        }
        return wanted.equals("idle");
    }

    /**
     * Runs {@code call} on all of the library's threads, or where {@code idle} was asked on the idle cores' (at most the
     * library's own count), the count set and the call made under one lock: the count is the library's global state.
     */
    private <T> T onChosenThreads(Supplier<T> call) {
        if (!idleCoresOnly) {
            return call.get();
        }
        synchronized (this) {
            int threads = Math.min(maxThreads, IdleCores.now(Runtime.getRuntime().availableProcessors()));
            log.debug("OpenBLAS threads: {}", threads);
            setThreads.invokeVoid(new Object[] {threads});
            return call.get();
        }
    }

    /** The library, its build and kernel, the driver and the threads: provenance for records. */
    String describe() {
        return String.format(Locale.ROOT, "LAPACK dsyevd(jobz=N), dsyevd_2stage from N = %d, from %s (%s), %s", TWO_STAGE_FROM, library, config,
                idleCoresOnly ? "on the idle cores' threads, at most " + maxThreads : maxThreads + " threads");
    }

    private static double[] eigenvalues(Driver driver, double[] matrix, int n) {
        Memory copy = new Memory(8L * n * n);
        copy.write(0, matrix, 0, matrix.length);
        return run(driver, copy, n);
    }

    /**
     * A LAPACK eigenvalue driver and the triangle (column-major {@code uplo}) it reads. The two-stage driver reads the
     * lower one (the upper one of the row-major buffer): it was faster there (3.4 s against 3.9 s of one thread at
     * N = 4,000); the one-stage driver the upper one, as before (either was as fast, and the values stay bit for bit
     * those of the golden files).
     */
    private record Driver(Function function, char uplo) {
    }

    /** Fortran calling convention: every argument by reference, then the hidden lengths of the two character arguments. */
    private static double[] run(Driver driver, Pointer matrix, int n) {
        byte[] jobz = {'N'};
        byte[] uplo = {(byte) driver.uplo()};
        IntByReference size = new IntByReference(n);
        IntByReference info = new IntByReference();
        // JNA 4's Memory (the version nd4j brings) frees itself when collected; these are O(n) and O(n nb) bytes.
        Memory w = new Memory(8L * Math.max(1, n));
        Memory query = new Memory(8);
        Memory iquery = new Memory(4);
        driver.function().invokeVoid(new Object[] {jobz, uplo, size, matrix, size, w, query, new IntByReference(-1), iquery, new IntByReference(-1), info,
            1L, 1L});
        check(info, n, "workspace query");
        int lwork = (int) Math.ceil(query.getDouble(0));
        int liwork = Math.max(1, iquery.getInt(0));
        driver.function().invokeVoid(new Object[] {jobz, uplo, size, matrix, size, w, new Memory(8L * Math.max(1, lwork)), new IntByReference(lwork),
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

    /** The two-stage driver's eigenvalues must be the one-stage driver's, to rounding. */
    private static void checkSame(double[] lambda, double[] expected, Path library) {
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(lambda[i] - expected[i]) <= 1e-12 * Math.max(1, Math.abs(expected[i])))) {
                throw new IllegalStateException("dsyevd_2stage of " + library + " failed its probe (eigenvalue " + i + ": " + lambda[i]
                        + ", dsyevd: " + expected[i] + ")");
            }
        }
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
