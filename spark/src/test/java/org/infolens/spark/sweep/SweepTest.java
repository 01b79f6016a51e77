package org.infolens.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.infolens.cli.InfolensCli;
import org.infolens.run.RunDirectory;
import org.infolens.spark.SparkMaster;
import org.infolens.trajectory.Json;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps of a short 12-bit run in local[2]: the values of ./infolens run, a retried task, a killed sweep resubmitted. */
class SweepTest {

    /** A short ib12: 30 epochs, 6 recorded points (about a second of training each). */
    private static final List<String> SHORT = List.of("--epochs", "30", "--points", "6");

    private static SweepGrid grid(String activations, String seeds) {
        List<String> options = new ArrayList<>(SHORT);
        options.addAll(List.of("--activation", activations));
        return SweepGrid.parse("ib12", options, SweepGrid.seeds(seeds));
    }

    private static Sweep.SweepOutcome sweep(SweepGrid grid, Path out, String master, RunLauncher launcher) throws IOException {
        return Sweep.builder().grid(grid).out(out).master(new SparkMaster(master, 3)).launcher(launcher)
                .log(new PrintWriter(new StringWriter())).build().run();
    }

    @Test
    void sweepGivesTheValuesOfTheRunCommand(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sweep");
        Sweep.SweepOutcome o = sweep(grid("tanh,relu", "1,2"), out, "local[2]", RunLauncher.RUN);
        assertEquals(4, o.ran());
        for (String activation : List.of("tanh", "relu")) {
            for (int seed : List.of(1, 2)) {
                Path alone = dir.resolve("run-" + activation + "-" + seed);
                List<String> args = new ArrayList<>(List.of("run", "ib12"));
                args.addAll(SHORT);
                args.addAll(List.of("--activation", activation, "--seed", String.valueOf(seed), "--quiet", "--out", alone.toString()));
                assertEquals(0, InfolensCli.commandLine().setOut(new PrintWriter(new StringWriter())).execute(args.toArray(String[]::new)));
                Path swept = out.resolve("ib12-activation_" + activation + "-s" + seed);
                assertEquals(values(alone), values(swept), "run " + swept.getFileName() + " against ./infolens run");
                assertEquals(launch(alone), launch(swept), "the sweep's run is launched as ./infolens run launches it");
            }
        }
        JsonNode record = Json.mapper().readTree(out.resolve(Sweep.FILE).toFile());
        assertEquals("finished", record.get("status").asText());
        assertEquals(4, record.get("runs").size());
        for (JsonNode r : record.get("runs")) {
            assertEquals("finished", r.get("status").asText());
            assertEquals("this sweep", r.get("ranIn").asText());
        }
        assertEquals(2, o.medians().size(), "one seed-median run per variant");
        for (Path m : o.medians()) {
            assertTrue(Files.isRegularFile(m.resolve("report.html")), m + " has its report");
        }
        assertNotNull(o.comparison());
        assertTrue(Files.size(o.comparison()) > 0);
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndEveryRunIsThereOnce(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sweep");
        Sweep.SweepOutcome o = sweep(grid("tanh", "1,2"), out, "local[2]", new FailsFirstAttempt("ib12-s2"));
        assertEquals(2, o.ran());
        JsonNode record = Json.mapper().readTree(out.resolve(Sweep.FILE).toFile());
        Map<String, Integer> attempts = new TreeMap<>();
        record.get("runs").forEach(r -> attempts.put(r.get("name").asText(), r.get("attempts").asInt()));
        assertEquals(Map.of("ib12-s1", 1, "ib12-s2", 2), attempts);
        try (Stream<Path> s = Files.list(out)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ib12")).sorted().toList();
            assertEquals(List.of("ib12-median", "ib12-s1", "ib12-s2"), names, "a single value is no axis: the runs are named by seed");
        }
        assertFalse(Files.exists(out.resolve(SweepTask.PARTIAL)) && Files.list(out.resolve(SweepTask.PARTIAL)).findAny().isPresent(),
                "the failed attempt's directory is gone");
        // the retried run is whole: one record per (epoch, layer, measure), as a run that never failed
        List<TrajectoryRecord> records = TrajectoryReader.read(new RunDirectory(out.resolve("ib12-s2")).trajectoryFile()).records();
        assertEquals(records.size(), records.stream().map(r -> r.epoch() + "/" + r.layer().name() + "/" + r.label()).distinct().count());
        assertEquals(values(out.resolve("ib12-s2")).size(), records.stream().filter(TrajectoryRecord::isOk).count());
    }

    @Test
    void aKilledSweepSubmittedAgainRunsOnlyTheMissingRuns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-javaagent")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), InfolensCli.class.getName(), "sweep", "ib12"));
        cmd.addAll(SHORT);
        cmd.addAll(List.of("--seeds", "1-4", "--master", "local[1]", "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!SweepTask.finished(out.resolve("ib12-s1")) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(p.isAlive(), "the sweep was still running when its first run finished: " + Files.readString(dir.resolve("killed.log")));
        p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, a run half written under .partial
        List<String> finishedBefore = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            if (SweepTask.finished(out.resolve("ib12-s" + s))) {
                finishedBefore.add("ib12-s" + s);
            }
        }
        assertTrue(finishedBefore.size() < 4, "killed mid-way: " + finishedBefore);
        String startedBefore = new RunDirectory(out.resolve("ib12-s1")).readProvenance().startedAt().toString();

        Sweep.SweepOutcome o = sweep(SweepGrid.parse("ib12", SHORT, SweepGrid.seeds("1-4")), out, "local[2]", RunLauncher.RUN);
        assertEquals(finishedBefore.size(), o.finishedBefore());
        assertEquals(4 - finishedBefore.size(), o.ran());
        assertEquals(startedBefore, new RunDirectory(out.resolve("ib12-s1")).readProvenance().startedAt().toString(), "not run again");
        JsonNode record = Json.mapper().readTree(out.resolve(Sweep.FILE).toFile());
        for (JsonNode r : record.get("runs")) {
            assertEquals("finished", r.get("status").asText());
            assertEquals(finishedBefore.contains(r.get("name").asText()) ? "an earlier sweep" : "this sweep", r.get("ranIn").asText());
        }
    }

    /** Every ok record's values by (epoch, layer, measure). */
    private static Map<String, Map<String, Double>> values(Path run) throws IOException {
        Map<String, Map<String, Double>> values = new TreeMap<>();
        for (TrajectoryRecord r : TrajectoryReader.read(new RunDirectory(run).trajectoryFile()).records()) {
            if (r.isOk()) {
                values.put(r.epoch() + "/" + r.layer().name() + "/" + r.label(), new TreeMap<>(r.values()));
            }
        }
        assertFalse(values.isEmpty(), run + " has records");
        return values;
    }

    private static Map<String, Object> launch(Path run) throws IOException {
        return new RunDirectory(run).readProvenance().launch();
    }

    /** The real run, then a failure on the first attempt of one run: its directory is whole but the attempt failed. */
    private record FailsFirstAttempt(String failing) implements RunLauncher {
        @Override
        public void launch(String experiment, List<String> arguments, Path directory) throws IOException {
            RunLauncher.RUN.launch(experiment, arguments, directory);
            if (directory.getFileName().toString().equals(failing) && TaskContext.get().attemptNumber() == 0) {
                throw new IOException("injected: the first attempt of " + failing + " fails after writing its directory");
            }
        }
    }
}
