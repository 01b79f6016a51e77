package org.infolens.estimate.spectral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * How many cores are idle now, from the kernel's count of runnable threads ({@code procs_running} in
 * {@code /proc/stat}, which counts the thread that reads it), the least of {@link #SAMPLES} readings over about a
 * millisecond, so that a thread runnable for an instant (the JIT's, a pool's) does not count, where a process that loads
 * a core is runnable in every reading. A multi-threaded LAPACK call on a core that another
 * process keeps busy waits at every barrier for the thread it shares that core with: on 2 cores with one busy, dsyevd
 * at N = 2,000 took 4.3-4.5 s on two OpenBLAS threads and 2.5-2.7 s on one.
 */
final class IdleCores {

    static final Path PROC_STAT = Path.of("/proc/stat");
    static final int SAMPLES = 5;
    private static final long SAMPLE_GAP_NANOS = 250_000;

    private IdleCores() {
    }

    /**
     * The cores of {@code cores} left by the runnable threads other than the caller, at least 1; {@code cores} where
     * {@code /proc/stat} cannot be read (not Linux).
     */
    static int now(int cores) {
        try {
            int least = Integer.MAX_VALUE;
            for (int i = 0; i < SAMPLES; i++) {
                if (i > 0) {
                    LockSupport.parkNanos(SAMPLE_GAP_NANOS);
                }
                least = Math.min(least, runnable(Files.readString(PROC_STAT)));
            }
            return idle(cores, least);
        } catch (IOException | RuntimeException e) {
            return cores;
        }
    }

    /** {@code cores} less the {@code runnable} threads other than the caller, clamped to [1, cores]. */
    static int idle(int cores, int runnable) {
        return Math.max(1, Math.min(cores, cores - (runnable - 1)));
    }

    /** The {@code procs_running} line of a {@code /proc/stat} text. */
    static int runnable(String procStat) {
        for (String line : procStat.split("\n")) {
            if (line.startsWith("procs_running ")) {
                return Integer.parseInt(line.substring("procs_running ".length()).strip());
            }
        }
        throw new IllegalArgumentException("no procs_running line");
    }
}
