package org.infolens.estimate.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdleCoresTest {

    private static final String STAT = "cpu  10 0 20 300 0 0 0 0 0 0\ncpu0 5 0 10 150 0 0 0 0 0 0\nintr 1234 0 0\nctxt 99\n"
            + "btime 1700000000\nprocesses 4321\nprocs_running 3\nprocs_blocked 0\nsoftirq 1 2 3\n";

    @Test
    void readsTheRunnableCountOfProcStat() {
        assertEquals(3, IdleCores.runnable(STAT));
        assertThrows(IllegalArgumentException.class, () -> IdleCores.runnable("cpu  1 2 3\n"));
    }

    @Test
    void theCallerCountsAsIdleAndEveryOtherRunnableThreadTakesACore() {
        assertEquals(2, IdleCores.idle(2, 1)); // only the caller runs
        assertEquals(1, IdleCores.idle(2, 2)); // one other thread
        assertEquals(1, IdleCores.idle(2, 9)); // never below one
        assertEquals(16, IdleCores.idle(16, 0)); // a count read between the caller's ticks: never above the cores
        assertEquals(13, IdleCores.idle(16, 4));
    }

    @Test
    void anUnknownThreadChoiceIsAnErrorNotAFallback() {
        assertThrows(IllegalArgumentException.class, () -> SystemLapack.threadChoice("sometimes"));
        assertTrue(SystemLapack.threadChoice("idle"));
    }

    /** Read once when eigenvalues are first asked for, and thrown by every call: a bad-input error, not a failed class initialiser. */
    @Test
    void aMistypedRouteOrThreadChoiceIsNamed() {
        assertEquals("-Dinfolens.lapack.threads=sometimes: expected all or idle", SymmetricEigenvalues.misconfiguration("system", "sometimes"));
        assertEquals("-Dinfolens.lapack=lapack: expected system, bundled or nd4j", SymmetricEigenvalues.misconfiguration("lapack", "all"));
        assertNull(SymmetricEigenvalues.misconfiguration("bundled", "idle"));
        assertNull(SymmetricEigenvalues.misconfiguration("", "all"));
    }

    @Test
    void theLiveCountIsWithinTheCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        int idle = IdleCores.now(cores);
        assertTrue(idle >= 1 && idle <= cores, "idle " + idle + " of " + cores);
    }
}
