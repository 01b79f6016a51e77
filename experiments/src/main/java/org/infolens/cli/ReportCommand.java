package org.infolens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.infolens.report.RunReport;
import org.infolens.run.RecordedRun;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunLock;
import org.infolens.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code infolens report RUN [--watch]}: the run's self-contained HTML report, refreshed while the run goes on if asked. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN/report.html: one self-contained page (figures inline, no network needed) with warnings worth"
                + " reading, the figures, each layer's final values, the measures and their parameters, and the run's provenance."
                + " Redraws RUN/figures/ on the way.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run directory")
    Path run;

    @Option(names = "--watch", description = "rewrite the report whenever the trajectory grows, until run.json says the run ended"
            + " (the page reloads itself meanwhile); Ctrl-C stops")
    boolean watch;

    @Option(names = "--interval", defaultValue = "10", paramLabel = "SECONDS", description = "how often --watch looks (default ${DEFAULT-VALUE})")
    int interval;

    @Override
    public Integer call() throws Exception {
        if (interval < 1) {
            throw new IllegalArgumentException("--interval must be at least 1 second, got " + interval);
        }
        if (!watch) {
            write(RunReading.load(run, err()), 0);
            return 0;
        }
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException(run + ": no such run directory");
        }
        RunDirectory dir = new RunDirectory(run);
        try (RunLock lock = RunLock.acquire(run, RunDirectory.REPORT_LOCK, "report --watch")) { // one watcher rewrites report.html
            return watch(dir);
        }
    }

    private int watch(RunDirectory dir) throws IOException, InterruptedException {
        String seen = "";
        while (true) {
            String state = state(dir);
            if (!state.equals(seen)) {
                seen = state;
                if (Files.exists(dir.trajectoryFile()) && Files.size(dir.trajectoryFile()) > 0) {
                    RecordedRun r = RunReading.load(run, err());
                    boolean going = r.provenance() != null && r.provenance().status() == RunStatus.RUNNING && !r.provenance().processGone();
                    write(r, going ? interval : 0);
                    if (!going) {
                        stopped(r.provenance());
                        return 0;
                    }
                } else if (Files.exists(dir.provenanceFile()) && dir.readProvenance().processGone()) {
                    stopped(dir.readProvenance()); // a run killed before its first record: nothing will come
                    return 0;
                } else {
                    err().println("waiting for records in " + dir.trajectoryFile());
                }
            }
            Thread.sleep(interval * 1000L);
        }
    }

    /** Says why watching stopped when the run did not end by itself. */
    private void stopped(org.infolens.run.RunProvenance p) {
        if (p != null && p.processGone()) {
            err().println("stopped watching " + run + ": the run is " + p.statusText());
        }
    }

    /** Sizes and times of the files a report reads: when they change, the report is out of date. */
    private static String state(RunDirectory dir) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Path f : new Path[] {dir.trajectoryFile(), dir.provenanceFile()}) {
            s.append(Files.exists(f) ? Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis() : "-").append(' ');
        }
        return s.toString();
    }

    private void write(RecordedRun r, int refreshSeconds) throws IOException {
        long t0 = System.nanoTime();
        Path file = RunReport.write(r, refreshSeconds);
        spec.commandLine().getOut().printf(Locale.ROOT, "%s (%d KB, %d records, %.1f s)%n", file, (Files.size(file) + 512) / 1024,
                r.records().size(), (System.nanoTime() - t0) / 1e9);
        spec.commandLine().getOut().flush();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
