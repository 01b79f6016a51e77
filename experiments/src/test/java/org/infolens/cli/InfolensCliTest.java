package org.infolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.io.Npy;
import org.infolens.trajectory.Json;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.run.RunLock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InfolensCliTest {

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one command line. */
    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = InfolensCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Path injectiveLayer(int n) throws IOException {
        float[] v = new float[n * 2];
        for (int i = 0; i < n; i++) {
            v[2 * i] = -1 + 0.25f * (i % 8);
            v[2 * i + 1] = -1 + 0.25f * (i / 8);
        }
        Path f = dir.resolve("t.npy");
        Npy.write(f, Activations.wrap(v, n, 2));
        return f;
    }

    @Test
    void estimatePrintsOneJsonObjectWithEffectiveParameters() throws IOException {
        Path t = injectiveLayer(64);
        int[] y = new int[64];
        Random rnd = new Random(1);
        for (int i = 0; i < 64; i++) {
            y[i] = rnd.nextInt(3);
        }
        Path labels = dir.resolve("y.npy");
        Npy.write(labels, y);
        Result r = run("estimate", "binning", "--activations", t.toString(), "--labels", labels.toString(),
                "--param", "edges=adaptive", "--param", "low=-1.000001");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals("binning", json.get("measure").asText());
        assertEquals(30, json.get("params").get("bins").asInt(), "defaults are listed");
        assertEquals(-1.000001, json.get("params").get("low").asDouble());
        assertEquals("bits", json.get("units").get("I_XT").asText());
        assertEquals(64, json.get("n").asInt());
        assertEquals(6.0, json.get("values").get("I_XT").asDouble(), 1e-12, "injective layer: log2 N");
        assertTrue(json.get("values").get("I_TY").asDouble() <= json.get("details").get("H_Y").asDouble() + 1e-12);
        assertTrue(json.get("seconds").asDouble() >= 0);
    }

    /** --verdict: every row in a bin of its own puts I(X;T) at log2 N, which the verdict calls unreliable and says why. */
    @Test
    void estimateWithVerdictNamesTheCeiling() throws IOException {
        Result r = run("estimate", "binning", "--activations", injectiveLayer(64).toString(), "--verdict", "--verdict-param", "shuffles=1");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(1, json.get("params").get("verdict").get("shuffles").asInt());
        assertEquals(10, json.get("params").get("verdict").get("maxGamma").asInt(), "defaults are listed");
        JsonNode ixt = json.get("details").get("verdict").get("I_XT");
        assertEquals("unreliable", ixt.get("status").asText());
        assertTrue(ixt.get("reason").asText().contains("log2 N"), ixt.toString());
        assertTrue(json.get("details").get("unreliable").toString().contains("I_XT"));
        Result bad = run("estimate", "binning", "--activations", injectiveLayer(64).toString(), "--verdict-param", "shuffles=1");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--verdict-param needs --verdict"), bad.err());
    }

    /** Rows 0.25 apart and sigma 0.01: the diffusion operator is the identity, DSE = log2 N. */
    @Test
    void estimateDseOfIsolatedRowsIsLog2N() throws IOException {
        Result r = run("estimate", "dse", "--activations", injectiveLayer(64).toString(), "--param", "sigma=0.01");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(6.0, json.get("values").get("DSE").asDouble(), 1e-9);
        assertEquals(10000, json.get("params").get("maxN").asInt(), "defaults are listed");
        assertEquals("auto", json.get("params").get("method").asText());
        assertEquals(5000, json.get("params").get("exactMaxN").asInt());
    }

    @Test
    void estimateFromCsvWithRepeatedInputs() throws IOException {
        Path t = dir.resolve("t.csv");
        Path x = dir.resolve("x.csv");
        Files.writeString(t, "a\n0.1\n0.9\n0.1\n0.9\n");
        Files.writeString(x, "x\n1\n1\n2\n2\n"); // two inputs, each answered with two different patterns
        Result r = run("estimate", "binning", "--activations", t.toString(), "--inputs", x.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode v = Json.mapper().readTree(r.out()).get("values");
        assertEquals(1.0, v.get("H_T").asDouble(), 1e-12);
        assertEquals(0.0, v.get("I_XT").asDouble(), 1e-12, "H(T|X) = H(T): the layer ignores x");
        assertFalse(v.has("I_TY"), "no labels, no I(T;Y)");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path t = injectiveLayer(16);
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "0.1\nNaN\n");
        Path shortLabels = dir.resolve("short.csv");
        Files.writeString(shortLabels, "0\n1\n");
        Path oneRow = dir.resolve("one.csv");
        Files.writeString(oneRow, "0.1,0.2\n");
        Path constant = dir.resolve("constant.csv");
        Files.writeString(constant, "0.5,0.5\n0.5,0.5\n0.5,0.5\n0.5,0.5\n");
        Path badMagic = Files.createDirectories(dir.resolve("bad-magic"));
        Files.write(badMagic.resolve("t10k-images-idx3-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        Files.write(badMagic.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        String[][] cases = {
            {"estimate", "binning", "--activations", dir.resolve("missing.npy").toString()},
            {"run", "mnist-mlp", "--data", dir.resolve("no-such-dir").toString()},
            {"run", "mnist-mlp", "--data", badMagic.toString(), "--out", dir.resolve("never").toString()},
            {"run", "fashion-mlp", "--activation", "sigmoid"},
            {"run", "cifar10-cnn", "--data", badMagic.toString()},
            {"run", "fashion-mlp", "--optimizer", "rmsprop"},
            {"estimate", "kernel", "--activations", t.toString()},
            {"estimate", "binning", "--activations", t.toString(), "--param", "bims=4"},
            {"estimate", "binning", "--activations", t.toString(), "--param", "edges=fixed-width", "--param", "bins=4"},
            {"estimate", "binning", "--activations", t.toString(), "--labels", shortLabels.toString()},
            {"estimate", "binning", "--activations", nan.toString()},
            {"estimate", "dse", "--activations", t.toString(), "--param", "sigma=0"},
            {"estimate", "dse", "--activations", t.toString(), "--param", "sigma=-3"},
            {"estimate", "dse", "--activations", t.toString(), "--param", "method=exact", "--param", "rank=8"},
            {"estimate", "dse", "--activations", oneRow.toString()},
            {"estimate", "dsmi", "--activations", t.toString()},
            {"estimate", "twonn", "--activations", constant.toString()},
            {"run", "ib12", "--epochs", "0"},
            {"run", "ib12", "--activation", "sigmoid"},
            {"run", "ib12", "--seeds", "1,2,1"},
            {"run", "ib12", "--l2", "-0.1"},
            {"run", "ib12", "--task", dir.resolve("no-task.csv").toString()},
            {"run", "ib12", "--measure", "binning:edges=quantile"},
            {"run", "mnist"},
            {"run", "ib12", "--epoch", "3"},
            {"frobnicate"},
        };
        for (String[] c : cases) {
            Result r = run(c);
            assertEquals(2, r.exit(), String.join(" ", c) + " -> " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().startsWith("infolens"), r.err());
        }
        assertFalse(Files.exists(Path.of("runs", "ib12-sigmoid-s1")), "nothing half-written");
        assertFalse(Files.exists(dir.resolve("never")), "a broken dataset fails before the run directory is made");
    }

    @Test
    void overwriteRefusesADirectoryThatIsNotARunAndDeletesNothing() throws IOException {
        Path out = dir.resolve("project");
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(out.resolve("Main.java"), "class Main {}\n");
        Files.writeString(out.resolve("run.json"), "{\"not\": \"ours\"");
        Result r = run("run", "ib12", "--epochs", "1", "--points", "3", "--out", out.toString(), "--overwrite", "-q");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("nothing was deleted") && r.err().contains("project"), r.err());
        assertEquals("class Main {}\n", Files.readString(out.resolve("Main.java")));
        assertEquals("ref: refs/heads/main\n", Files.readString(out.resolve(".git/HEAD")));
        Files.delete(out.resolve("run.json"));
        Result noRunJson = run("run", "ib12", "--epochs", "1", "--points", "3", "--out", out.toString(), "--overwrite", "-q");
        assertEquals(2, noRunJson.exit(), noRunJson.err());
        assertTrue(noRunJson.err().contains("no run.json"), noRunJson.err());
        assertTrue(Files.exists(out.resolve("Main.java")));
    }

    @Test
    void overwriteReplacesARunWholeAndRefusesASymlinkToOne() throws IOException {
        Path out = dir.resolve("run");
        assertEquals(0, run("run", "ib12", "--epochs", "1", "--points", "3", "--out", out.toString(), "-q").exit());
        Files.writeString(out.resolve("notes.txt"), "of the earlier run\n");
        java.time.Instant before = new RunDirectory(out).readProvenance().startedAt();

        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, out);
        Result viaLink = run("run", "ib12", "--epochs", "1", "--points", "3", "--out", link.toString(), "--overwrite", "-q");
        assertEquals(2, viaLink.exit(), viaLink.err());
        assertTrue(viaLink.err().contains("symbolic link"), viaLink.err());
        assertTrue(Files.exists(out.resolve("notes.txt")), "the run the link points to is untouched");

        Result again = run("run", "ib12", "--epochs", "1", "--points", "3", "--out", out.toString(), "--overwrite", "-q");
        assertEquals(0, again.exit(), again.err());
        assertFalse(Files.exists(out.resolve("notes.txt")), "the earlier run is gone");
        assertTrue(new RunDirectory(out).readProvenance().startedAt().isAfter(before));
        assertEquals(1, TrajectoryReader.read(new RunDirectory(out).trajectoryFile()).records().stream().mapToInt(x -> x.epoch()).max().orElse(-1),
                "one run's epochs, not two runs' in one trajectory");
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of("link", "run"), siblings.map(p -> p.getFileName().toString()).sorted().toList(), "nothing left beside it");
        }
    }

    @Test
    void aRunDirectoryInUseIsRefusedNamingItsOwnerAndSeedsAreCheckedBeforeTraining() throws IOException {
        Path out = dir.resolve("busy");
        Path second = out.resolve("ib12-tanh-s2");
        try (RunLock held = RunLock.acquire(second, RunDirectory.LOCK, "run 'elsewhere'")) {
            Result r = run("run", "ib12", "--epochs", "1", "--points", "3", "--seeds", "1,2", "--out", out.toString(), "--overwrite", "-q");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("in use") && r.err().contains("pid " + ProcessHandle.current().pid()), r.err());
            assertFalse(Files.exists(out.resolve("ib12-tanh-s1")), "no seed trained");
        }
    }

    @Test
    void runRefusesToMixTwoRunsInOneDirectory() throws IOException {
        Path out = dir.resolve("taken");
        Files.createDirectories(out);
        Files.writeString(out.resolve("trajectory.jsonl"), "{}\n");
        Result r = run("run", "ib12", "--epochs", "1", "--out", out.toString(), "-q");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--overwrite"), r.err());
    }

    @Test
    void severalSeedsGiveOneRunEachAndTheirMedian() throws IOException {
        Path out = dir.resolve("seeds");
        Result r = run("run", "ib12", "--epochs", "3", "--points", "3", "--seeds", "4,5,6", "--l2", "0.015", "--random-labels",
                "--out", out.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        List<List<TrajectoryRecord>> members = new java.util.ArrayList<>();
        for (int s : new int[] {4, 5, 6}) {
            RunDirectory run = new RunDirectory(out.resolve("ib12-tanh-l2-random-s" + s));
            members.add(TrajectoryReader.read(run.trajectoryFile()).records());
            RunProvenance p = run.readProvenance();
            assertEquals(0.015, ((Number) p.settings().get("l2")).doubleValue(), 0);
            assertEquals(true, p.settings().get("randomLabels"));
            assertEquals((long) s, p.seeds().get("network"));
        }
        RunDirectory median = new RunDirectory(out.resolve("ib12-tanh-l2-random-median"));
        List<TrajectoryRecord> m = TrajectoryReader.read(median.trajectoryFile()).records();
        assertEquals(members.get(0).size(), m.size());
        assertTrue(r.out().contains("ib12-tanh-l2-random-median"), r.out());
        assertTrue(m.stream().anyMatch(x -> x.measure().equals("training") && x.values().containsKey("probe_accuracy")),
                "training records get their median too");
        for (TrajectoryRecord x : m.stream().filter(x -> x.values().containsKey("I_XT")).toList()) {
            double[] v = members.stream().mapToDouble(run -> run.stream().filter(y -> y.epoch() == x.epoch()
                    && y.layer().index() == x.layer().index() && y.label().equals(x.label())).findFirst().orElseThrow().value("I_XT"))
                    .sorted().toArray();
            assertEquals(v[1], x.value("I_XT"), 0, "median of three");
            assertEquals(v[0], x.intervals().get("I_XT").low(), 0);
            assertEquals(v[2], x.intervals().get("I_XT").high(), 0);
        }
        assertEquals("median", median.readProvenance().settings().get("aggregate"));
        assertTrue(Files.exists(median.figuresDirectory().resolve("information-plane.png")));
    }

    @Test
    void recomputeReadsTheDumpsAndAppendsOrWritesANewTrajectory() throws IOException {
        Path out = dir.resolve("dumped");
        Result r = run("run", "ib12", "--epochs", "3", "--points", "3", "--save-activations", "--dump-rows", "1000", "--out", out.toString(),
                "-q");
        assertEquals(0, r.exit(), r.err());
        RunDirectory run = new RunDirectory(out);
        int recorded = (int) TrajectoryReader.read(run.trajectoryFile()).records().stream().map(TrajectoryRecord::epoch).distinct().count();
        assertEquals(1000, org.infolens.io.MatrixFiles.readLabels(run.activationsDirectory().resolve("probe-rows.npy")).length);

        // A truncated dump of the last epoch: the recompute fails and appends nothing, so the retry is not refused.
        byte[] trajectoryBefore = Files.readAllBytes(run.trajectoryFile());
        Path lastEpoch;
        try (var epochs = Files.list(run.activationsDirectory())) {
            lastEpoch = epochs.filter(p -> p.getFileName().toString().startsWith("epoch-")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        Path layer;
        try (var files = Files.list(lastEpoch)) {
            layer = files.filter(p -> p.getFileName().toString().matches("layer-.*(?<!columns)\\.npy")).sorted().findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(layer);
        Files.write(layer, java.util.Arrays.copyOf(whole, whole.length / 2));
        r = run("recompute", out.toString(), "--measure", "kde:bound=upper", "-q");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(layer.getFileName().toString()), r.err());
        org.junit.jupiter.api.Assertions.assertArrayEquals(trajectoryBefore, Files.readAllBytes(run.trajectoryFile()), "nothing appended");
        assertFalse(Files.exists(out.resolve(RunDirectory.LOCK)), "the lock is released on failure");
        Files.write(layer, whole);

        r = run("recompute", out.toString(), "--measure", "kde:bound=upper", "-q");
        assertEquals(0, r.exit(), r.err());
        List<TrajectoryRecord> kde = TrajectoryReader.read(run.trajectoryFile()).records().stream().filter(x -> x.measure().equals("kde")).toList();
        assertEquals(recorded * 6, kde.size(), "every stored epoch and layer");
        assertTrue(kde.stream().allMatch(x -> x.isOk() && x.n() == 1000 && x.value("I_XT") <= Math.log(1000) / Math.log(2) + 1e-9), kde.toString());
        assertTrue(run.readProvenance().measures().stream().anyMatch(m -> "activations".equals(m.get("recomputedFrom"))));

        r = run("recompute", out.toString(), "--measure", "kde:bound=upper");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("already in") && r.err().contains("--output"), r.err());

        Path fresh = dir.resolve("fresh.jsonl");
        r = run("recompute", out.toString(), "--measure", "kde:bound=upper", "--output", fresh.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        List<TrajectoryRecord> again = TrajectoryReader.read(fresh).records();
        assertEquals(kde.stream().map(TrajectoryRecord::values).toList(), again.stream().map(TrajectoryRecord::values).toList(),
                "the same estimates from the same dumps");

        // --layer keeps the named layers only, --verdict adds the verdict object; an unknown layer is named with those stored
        String first = kde.get(0).layer().name();
        Path one = dir.resolve("one-layer.jsonl");
        r = run("recompute", out.toString(), "--measure", "binning:edges=adaptive", "--layer", first, "--verdict", "--verdict-param", "shuffles=0",
                "--output", one.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        List<TrajectoryRecord> only = TrajectoryReader.read(one).records();
        assertEquals(recorded, only.size());
        assertTrue(only.stream().allMatch(x -> x.layer().name().equals(first) && x.details().get("verdict") instanceof Map<?, ?>), only.toString());
        r = run("recompute", out.toString(), "--measure", "binning", "--layer", "no-such-layer", "--output", dir.resolve("none.jsonl").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no-such-layer") && r.err().contains(first), r.err());

        r = run("recompute", dir.resolve("no-run").toString(), "--measure", "kde");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--save-activations"), r.err());
    }
}
