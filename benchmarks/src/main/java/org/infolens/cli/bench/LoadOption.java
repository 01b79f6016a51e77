package org.infolens.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --load-one-core}: a second process busy on one core for the whole benchmark (a shell loop, {@code sh -c
 * 'while :; do :; done'}, at normal priority), so that timings show how the estimators hold up beside other work. The
 * process is ended when the benchmark ends, also on an exception.
 */
final class LoadOption {

    @Option(names = "--load-one-core", description = "run a busy loop in a second process (one core) for the whole benchmark")
    boolean loadOneCore;

    /** Starts the busy process when asked (and says so), else does nothing; close() ends it. */
    Load start(PrintWriter out) throws IOException {
        if (!loadOneCore) {
            out.println("load: none started by the benchmark");
            return () -> { };
        }
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").redirectErrorStream(true).start();
        out.printf("load: a busy loop on one core (sh -c 'while :; do :; done', pid %d) for the whole benchmark%n", busy.pid());
        return () -> {
            busy.destroy();
            try {
                busy.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** The running load, ended by close(). */
    interface Load extends AutoCloseable {
        @Override
        void close();
    }
}
