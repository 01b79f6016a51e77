package org.infolens.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Long work of a command (an estimate on 200,000 rows can take minutes, much of it inside LAPACK or
 * OpenBLAS) run so that the process neither goes silent nor hangs on exit: the work runs on a daemon
 * thread while the command's thread prints a progress line every {@code infolens.progressSeconds}
 * seconds (default 10) on stderr; a SIGINT or SIGTERM meanwhile gives the work
 * {@code infolens.exitGraceSeconds} (default 3) and then kills the process ({@link org.infolens.run.ProcessHalt}), so no exit handler waits on a
 * native call that would run for minutes more (OpenBLAS's thread shutdown joins threads busy in dsyevd).
 */
final class LongTask {

    /** System property: seconds between progress lines. */
    static final String PROGRESS_PROPERTY = "infolens.progressSeconds";

    /** System property: seconds the work may go on after a signal before the JVM halts. */
    static final String GRACE_PROPERTY = "infolens.exitGraceSeconds";

    private LongTask() {
    }

    /** Runs {@code work}, describing it as {@code what} in progress lines on {@code err}; its exception is rethrown as is. */
    static <T> T run(String what, Callable<T> work, PrintWriter err) throws Exception {
        return run(what, work, err, true);
    }

    /** {@link #run(String, Callable, PrintWriter)}, without the progress lines when the work shows its own ({@code lines} false). */
    static <T> T run(String what, Callable<T> work, PrintWriter err, boolean lines) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                result[0] = work.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "infolens-work");
        worker.setDaemon(true); // the JVM's exit never waits for it
        Thread onSignal = new Thread(() -> {
            long grace = Long.getLong(GRACE_PROPERTY, 3);
            try {
                worker.join(grace * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (worker.isAlive()) {
                err.printf(Locale.ROOT, "%s: interrupted; still working %d s later (inside native code): halting%n", what, grace);
                err.flush();
                org.infolens.run.ProcessHalt.now(143);
            }
        }, "infolens-work-exit");
        Runtime.getRuntime().addShutdownHook(onSignal);
        long t0 = System.nanoTime();
        long every = Math.max(1, Long.getLong(PROGRESS_PROPERTY, 10)) * 1000;
        worker.start();
        try {
            while (true) {
                worker.join(every);
                if (!worker.isAlive()) {
                    break;
                }
                if (!lines) {
                    continue;
                }
                err.printf(Locale.ROOT, "%s: %.0f s so far%n", what, (System.nanoTime() - t0) / 1e9);
                err.flush();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs and finds the work done
            }
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
