package org.infolens.spark.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.infolens.experiments.ExperimentCatalog;
import org.infolens.figure.ComparisonFigure;
import org.infolens.figure.PanelFigure;
import org.infolens.figure.RunFigures;
import org.infolens.io.FileTrees;
import org.infolens.report.RunReport;
import org.infolens.run.RecordedRun;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunLock;
import org.infolens.run.SeedMedian;
import org.infolens.spark.SparkMaster;
import org.infolens.trajectory.Json;

/**
 * A sweep on Spark: every (variant, seed) of a {@link SweepGrid} one Spark task ({@link SweepTask})
 * running what {@code ./infolens run} runs into {@code OUT/NAME}; then, on the driver, each variant's
 * seed-median run ({@link SeedMedian}, with figures and report.html), a comparison figure across the
 * variants ({@code ./infolens compare}'s), and {@code OUT/sweep.json} naming every run, its seed and
 * status. Everything that can be checked is checked on the driver before a task starts: the grid, every
 * variant's options (as the experiment checks them), the output directory, the master. Runs already
 * finished in OUT are not run again, so a sweep submitted again after a crash or a kill finishes only
 * what is missing.
 */
public final class Sweep {

    /** The sweep's record in its output directory. */
    public static final String FILE = "sweep.json";

    /** Held while a sweep writes into an output directory: two sweeps never share one. */
    static final String LOCK = "sweep.lock";

    private final SweepGrid grid;
    private final Path out;
    private final SparkMaster master;
    private final PrintWriter log;
    private final RunLauncher launcher;

    private Sweep(Builder b) {
        this.grid = b.grid;
        this.out = b.out.toAbsolutePath().normalize();
        this.master = b.master;
        this.log = b.log;
        this.launcher = b.launcher;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs what is missing of the sweep and aggregates it. Bad input (grid, options, output directory,
     * master) is an {@link IllegalArgumentException} before any task starts; runs that still failed
     * after Spark's retries are a {@link SweepFailedException}, with sweep.json written and every
     * finished run kept for the next submission.
     */
    public SweepOutcome run() throws IOException {
        List<SweepRun> runs = grid.runs();
        validate();
        master.checkReachable();
        prepareOutput();
        try (RunLock lock = RunLock.acquire(out, LOCK, "sweep")) {
            Instant started = Instant.now();
            List<SweepRun> pending = new ArrayList<>();
            for (SweepRun r : runs) {
                Path target = out.resolve(r.name());
                if (SweepTask.finished(target)) {
                    continue;
                }
                if (Files.exists(target)) {
                    throw new IllegalArgumentException(target + " exists and is not a finished run (no run.json saying finished):"
                            + " move it away; a sweep writes there only a finished run");
                }
                pending.add(r);
            }
            FileTrees.delete(out.resolve(SweepTask.PARTIAL)); // attempts of a killed sweep: never finished, never counted
            log.printf(Locale.ROOT, "sweep: %s, %d variants x %d seeds = %d runs, %d finished before, %d to run on %s -> %s%n", grid.experiment(),
                    grid.variants().size(), grid.seeds().size(), runs.size(), runs.size() - pending.size(), pending.size(), master.url(), out);
            log.flush();
            Map<String, TaskResult> results = new HashMap<>();
            RuntimeException failure = null; // set when Spark gave up on a run
            if (!pending.isEmpty()) {
                try {
                    execute(pending, runs.size()).forEach(r -> results.put(r.name(), r));
                } catch (IllegalArgumentException e) {
                    throw e; // the master or the executors' output directory: bad input, before any run
                } catch (Exception e) { // Spark's job failure (SparkException, undeclared by its Scala API)
                    failure = e instanceof RuntimeException re ? re : new RuntimeException(e);
                }
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            int missing = 0;
            for (SweepRun r : runs) {
                boolean done = SweepTask.finished(out.resolve(r.name()));
                missing += done ? 0 : 1;
                entries.add(entry(r, done, results.get(r.name()), pending.contains(r)));
            }
            if (failure != null || missing > 0) {
                writeRecord(entries, List.of(), null, started, "incomplete");
                throw new SweepFailedException(String.format(Locale.ROOT, "%d of %d runs are missing after %d attempts each (%s); the %d finished"
                                + " are kept in %s: submit the same sweep again to run only the missing ones", missing, runs.size(),
                        master.maxAttempts(), failure == null ? "no error" : firstLine(failure), runs.size() - missing, out), failure);
            }
            discardAbandonedAttempts();
            List<Path> medians = new ArrayList<>();
            Path comparison = aggregate(medians);
            Path record = writeRecord(entries, medians, comparison, started, "finished");
            log.printf(Locale.ROOT, "sweep: %d runs in %s; %s%n", runs.size(), out, record.getFileName());
            return new SweepOutcome(out, pending.size(), runs.size() - pending.size(), medians, comparison, record);
        }
    }

    /**
     * An attempt whose executor died (a killed worker) leaves its directory in .partial: it never finished
     * and never counted; once every run is in place it is removed, and one that cannot be is named.
     */
    private void discardAbandonedAttempts() {
        try {
            FileTrees.delete(out.resolve(SweepTask.PARTIAL));
        } catch (IOException e) {
            log.printf(Locale.ROOT, "sweep: could not remove the abandoned attempts in %s (%s); they never count%n", out.resolve(SweepTask.PARTIAL),
                    e.getMessage());
        }
    }

    /** The grid's variants each checked as the experiment checks its options, and their directory names distinct. */
    private void validate() throws IOException {
        Map<String, SweepGrid.Variant> names = new HashMap<>();
        for (SweepGrid.Variant v : grid.variants()) {
            SweepGrid.Variant other = names.put(v.name(), v);
            if (other != null) {
                throw new IllegalArgumentException("variants " + other.values() + " and " + v.values() + " would share the directory name '"
                        + v.name() + "'");
            }
            List<String> args = new ArrayList<>(grid.options(v));
            args.add("--seed");
            args.add(String.valueOf(grid.seeds().get(0)));
            try {
                ExperimentCatalog.validate(grid.experiment(), args);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("variant " + (v.values().isEmpty() ? "(the only one)" : v.values()) + " rejected: "
                        + e.getMessage(), e);
            }
        }
    }

    private void prepareOutput() {
        try {
            Files.createDirectories(out);
            Files.delete(Files.createTempFile(out, ".sweep-write-check", ""));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("--out " + out + " is not a directory this process can write (" + e.getClass().getSimpleName()
                    + ": " + firstLine(e) + ")", e);
        }
    }

    private List<TaskResult> execute(List<SweepRun> pending, int total) {
        JavaSparkContext sc = master.start("infolens sweep " + grid.experiment());
        try {
            if (!master.local()) {
                checkExecutorsWrite(sc);
            }
            SweepProgress progress = new SweepProgress(log, total, total - pending.size());
            sc.sc().addSparkListener(progress);
            // one partition per run: Spark schedules, retries and reports each run on its own
            return sc.parallelize(pending, pending.size()).map(new SweepTask(grid.experiment(), out.toString(), launcher)).collect();
        } finally {
            sc.stop();
        }
    }

    /** A task per core on the cluster creates and deletes a file in OUT: an executor that cannot is named before any run starts. */
    private void checkExecutorsWrite(JavaSparkContext sc) {
        String dir = out.toString();
        int n = Math.max(2, sc.defaultParallelism());
        List<String> problems = sc.parallelize(IntStream.range(0, n).boxed().toList(), n).map(i -> {
            try {
                Files.delete(Files.createTempFile(Path.of(dir), ".sweep-write-check", ""));
                return null;
            } catch (IOException | RuntimeException e) {
                return "the executor on " + RunLock.host() + " cannot write --out " + dir + " (" + e + ")";
            }
        }).filter(Objects::nonNull).distinct().collect();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0) + "; executors need the output directory at the same path (a shared file system)");
        }
    }

    /** Each variant's median over its seeds (with figures and report), then the variants side by side; returns the comparison's png. */
    private Path aggregate(List<Path> medians) throws IOException {
        List<RecordedRun> shown = new ArrayList<>();
        for (SweepGrid.Variant v : grid.variants()) {
            List<RunDirectory> members = grid.seeds().stream().map(s -> new RunDirectory(out.resolve(grid.runName(v, s)))).toList();
            RunDirectory representative = members.get(0);
            if (members.size() > 1) {
                representative = new RunDirectory(out.resolve(grid.medianName(v)));
                SeedMedian.writeRun(representative, members);
                RunFigures.draw(representative);
                medians.add(representative.root());
            }
            RecordedRun recorded = RecordedRun.load(representative.root());
            if (members.size() > 1) {
                RunReport.write(recorded, 0);
            }
            shown.add(recorded);
        }
        if (shown.size() < 2) {
            return null;
        }
        PanelFigure.Written w = ComparisonFigure.of(shown, List.of()).write(out);
        return w.png();
    }

    private Map<String, Object> entry(SweepRun r, boolean finished, TaskResult result, boolean pending) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", r.name());
        e.put("variant", r.values());
        e.put("seed", r.seed());
        e.put("status", finished ? "finished" : "missing");
        e.put("ranIn", !pending ? "an earlier sweep" : result != null && result.ran() ? "this sweep" : finished ? "this sweep" : "none");
        if (result != null && result.ran()) {
            e.put("attempts", result.attempts());
            e.put("seconds", Math.round(result.seconds() * 10) / 10.0);
            e.put("host", result.host());
        }
        return e;
    }

    private Path writeRecord(List<Map<String, Object>> entries, List<Path> medians, Path comparison, Instant started, String status) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("experiment", grid.experiment());
        record.put("status", status);
        record.put("master", master.url());
        record.put("maxAttempts", master.maxAttempts());
        record.put("startedAt", started.toString());
        record.put("finishedAt", Instant.now().toString());
        record.put("options", grid.fixed());
        record.put("axes", grid.axes());
        record.put("seeds", grid.seeds());
        record.put("runs", entries);
        record.put("medians", medians.stream().map(p -> p.getFileName().toString()).toList());
        if (comparison != null) {
            record.put("comparison", comparison.getFileName().toString());
        }
        Path file = out.resolve(FILE);
        Path tmp = out.resolve("." + FILE + ".tmp");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), record);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public String toString() {
        return "Sweep[" + grid + ", out=" + out + ", " + master + "]";
    }

    /** What a sweep wrote: runs run now and found finished, the median runs, the comparison figure (or null), sweep.json. */
    public record SweepOutcome(Path directory, int ran, int finishedBefore, List<Path> medians, Path comparison, Path record) {
    }

    /** Runs still missing after Spark's retries: the finished ones are kept, sweep.json says which are missing. */
    public static final class SweepFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SweepFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final class Builder {
        private SweepGrid grid;
        private Path out;
        private SparkMaster master = new SparkMaster(SparkMaster.LOCAL, 4);
        private PrintWriter log = new PrintWriter(System.out, true);
        private RunLauncher launcher = RunLauncher.RUN;

        public Builder grid(SweepGrid grid) {
            this.grid = grid;
            return this;
        }

        /** The output directory: every run's directory, the medians, the comparison and sweep.json go there. */
        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        public Builder master(SparkMaster master) {
            this.master = master;
            return this;
        }

        /** Where progress is printed (default standard output). */
        public Builder log(PrintWriter log) {
            this.log = log;
            return this;
        }

        /** How each run is run: {@link RunLauncher#RUN} (the default), or a wrapper of it. */
        public Builder launcher(RunLauncher launcher) {
            this.launcher = launcher;
            return this;
        }

        public Sweep build() {
            if (grid == null) {
                throw new IllegalArgumentException("a sweep needs a grid");
            }
            if (out == null) {
                throw new IllegalArgumentException("a sweep needs an output directory");
            }
            Objects.requireNonNull(master, "master");
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(launcher, "launcher");
            return new Sweep(this);
        }
    }
}
