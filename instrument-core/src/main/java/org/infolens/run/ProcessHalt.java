package org.infolens.run;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Ends this process at once, without the C library's exit handlers. Runtime.halt still calls exit(3),
 * and OpenBLAS's exit handler joins its threads: while one of them is inside LAPACK (dsyevd on a
 * 10,000-row kernel runs for minutes) the JVM then hangs, sleeping, forever. SIGKILL to itself cannot
 * hang; where no {@code kill} command exists, Runtime.halt is the fallback. Exit status 137.
 */
public final class ProcessHalt {

    private ProcessHalt() {
    }

    /** Ends the process now (exit status 137), or with {@code fallbackStatus} through Runtime.halt. */
    public static void now(int fallbackStatus) {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill command: halt
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(fallbackStatus);
    }
}
