package org.infolens.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.infolens.experiments.data.MissingDatasetException;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.Json;

/**
 * Runs claims over seeds and judges them: every run the claims need, once per seed (runs that
 * several claims name are made once), each into {@code out/NAME-sS} ({@code NAME-quick-sS} with
 * {@code --quick}); then each claim's test on its seeds' runs; then {@code out/reproduce/claims.json}
 * and {@code out/reproduce/report.html}. A run that finished before with the same options (listed in
 * {@code out/reproduce/runs/}) is read, not made again. A missing dataset stops only the claims that
 * need it; they are reported as not run, with the message that names the dataset and where to put it.
 */
public final class Reproduction {

    /** Where the verdicts go, under the output directory. */
    public static final String DIRECTORY = "reproduce";

    /**
     * What to run.
     *
     * @param claims the claims, in the order the report lists them
     * @param seeds  the seeds every run is made with
     * @param quick  short runs ({@link RunSpec#quick})
     * @param out    where the runs and reproduce/ go
     * @param runner what makes the runs
     */
    public record Settings(List<Claim> claims, List<Long> seeds, boolean quick, Path out, SeedRunner runner) {
        public Settings {
            claims = List.copyOf(claims);
            seeds = List.copyOf(seeds);
            if (claims.isEmpty()) {
                throw new IllegalArgumentException("no claim to reproduce");
            }
            if (seeds.isEmpty() || seeds.stream().distinct().count() != seeds.size()) {
                throw new IllegalArgumentException("the seeds must be distinct and at least one, got " + seeds);
            }
        }
    }

    /** A claim, what its test made of it, and the seeds left out because they failed one of its requirements (with why). */
    public record Result(Claim claim, Evaluation evaluation, Map<Long, String> excluded) {
        public Result {
            excluded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        }
    }

    /** Every claim's result, and the files written. */
    public record Outcome(List<Result> results, Path claimsJson, Path report) {
    }

    private Reproduction() {
    }

    public static Outcome run(Settings s, PrintWriter log) throws IOException {
        Path dir = s.out().resolve(DIRECTORY);
        Files.createDirectories(dir.resolve("runs"));
        Map<String, RunSpec> specs = new LinkedHashMap<>();
        for (Claim c : s.claims()) {
            for (RunSpec r : c.runs().values()) {
                RunSpec before = specs.putIfAbsent(r.name(), r);
                if (before != null && !before.equals(r)) {
                    throw new IllegalArgumentException("two claims name different runs '" + r.name() + "'");
                }
            }
        }
        Map<String, String> failed = new LinkedHashMap<>(); // run name -> why its claims cannot be judged
        for (RunSpec r : specs.values()) {
            List<String> options = r.options(s.quick());
            List<Long> todo = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            for (long seed : s.seeds()) {
                Path runDir = s.out().resolve(r.directoryName(s.quick(), seed));
                if (!finishedBefore(marker(dir, r, seed, s.quick()), r, options, runDir)) {
                    todo.add(seed);
                    dirs.add(runDir);
                }
            }
            log.printf(Locale.ROOT, "reproduce: %s (%s %s): %d of %d seeds to run%n", r.name(), r.experiment(), String.join(" ", options),
                    todo.size(), s.seeds().size());
            log.flush();
            if (todo.isEmpty()) {
                continue;
            }
            try { // every seed in one call: a distributed runner makes them in parallel
                s.runner().run(r.experiment(), options, todo, dirs);
            } catch (MissingDatasetException e) {
                failed.put(r.name(), "dataset " + e.dataset() + " missing: " + e.getMessage());
                log.println("reproduce: " + r.name() + ": " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                failed.put(r.name(), e.getMessage());
                log.println("reproduce: " + r.name() + ": " + e.getMessage());
            }
            for (int i = 0; i < todo.size(); i++) { // the runs that finished count, also beside one that failed
                if (finished(dirs.get(i))) {
                    Json.mapper().writeValue(marker(dir, r, todo.get(i), s.quick()).toFile(), Map.of("experiment", r.experiment(), "options",
                            options, "seed", todo.get(i), "directory", dirs.get(i).toString()));
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (Claim c : s.claims()) {
            Map<Long, String> excluded = new LinkedHashMap<>();
            results.add(new Result(c, judge(c, s, failed, excluded), excluded));
        }
        Path json = dir.resolve("claims.json");
        ClaimsReport.writeJson(results, s, json);
        Path report = ClaimsReport.writeHtml(results, s, dir);
        return new Outcome(results, json, report);
    }

    private static Evaluation judge(Claim c, Settings s, Map<String, String> failed, Map<Long, String> excluded) {
        for (RunSpec r : c.runs().values()) {
            if (failed.containsKey(r.name())) {
                return Evaluation.notRun(failed.get(r.name()), c.test().describeStatistic(), c.test().describe());
            }
        }
        try {
            List<SeedRuns> counted = new ArrayList<>();
            for (SeedRuns seed : seedRuns(c, s)) {
                String why = c.requires().stream().filter(q -> !(q.statistic().of(seed) >= q.minimum())).map(q -> "not " + q.describe())
                        .findFirst().orElse(null);
                if (why == null) {
                    counted.add(seed);
                } else {
                    excluded.put(seed.seed(), why);
                }
            }
            Evaluation e = c.test().evaluate(counted);
            if (excluded.isEmpty()) {
                return e;
            }
            return new Evaluation(e.verdict(), e.reason() + "; seeds " + excluded.keySet() + " left out (" + excluded.values().iterator().next()
                    + ")", e.statistic(), e.test(), e.n(), e.estimate(), e.low(), e.high(), e.interval(), e.pValue(), e.seeds());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return Evaluation.notRun("cannot compute the statistic: " + e.getMessage(), c.test().describeStatistic(), c.test().describe());
        }
    }

    /** Each seed's runs of the claim, by role. */
    static List<SeedRuns> seedRuns(Claim c, Settings s) {
        List<SeedRuns> seeds = new ArrayList<>();
        for (long seed : s.seeds()) {
            Map<String, Path> byRole = new LinkedHashMap<>();
            c.runs().forEach((role, r) -> byRole.put(role, s.out().resolve(r.directoryName(s.quick(), seed))));
            seeds.add(new SeedRuns(seed, byRole));
        }
        return seeds;
    }

    /** Whether {@code runDir} holds a run whose run.json says finished. */
    private static boolean finished(Path runDir) {
        try {
            return Files.isRegularFile(new RunDirectory(runDir).provenanceFile())
                    && new RunDirectory(runDir).readProvenance().status() == RunStatus.FINISHED;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path marker(Path dir, RunSpec r, long seed, boolean quick) {
        return dir.resolve("runs").resolve(r.directoryName(quick, seed) + ".json");
    }

    /** Whether the run of {@code seed} finished before with these options (and its directory is still there). */
    private static boolean finishedBefore(Path m, RunSpec r, List<String> options, Path runDir) throws IOException {
        if (!Files.isRegularFile(m) || !Files.isDirectory(runDir)) {
            return false;
        }
        Map<?, ?> before = Json.mapper().readValue(m.toFile(), Map.class);
        return r.experiment().equals(before.get("experiment")) && options.equals(before.get("options"));
    }
}
