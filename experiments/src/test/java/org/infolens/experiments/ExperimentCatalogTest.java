package org.infolens.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infolens.cli.InfolensCli;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExperimentCatalogTest {

    @TempDir
    Path dir;

    @Test
    void theCommandLineRunsEveryRegisteredExperiment() {
        List<String> names = ExperimentCatalog.names();
        assertEquals(List.of("ib12", "mnist-mlp", "fashion-mlp", "cifar10-cnn", "toy-superposition"), names);
        assertEquals(names, List.copyOf(InfolensCli.commandLine().getSubcommands().get("run").getSubcommands().keySet()));
        assertEquals(names, ExperimentCatalog.experiments().stream().map(ExperimentCommand::name).toList());
        assertEquals("mnist-mlp", ExperimentCatalog.named("mnist-mlp").name());
    }

    @Test
    void anUnknownExperimentIsNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentCatalog.launch("ib13", List.of(), dir.resolve("x")));
        assertEquals("unknown experiment 'ib13'; known: ib12, mnist-mlp, fashion-mlp, cifar10-cnn, toy-superposition", e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ExperimentCatalog.launch("ib12", List.of("--epoch", "3"), dir.resolve("y")));
        assertTrue(bad.getMessage().startsWith("run ib12: Unknown option") && bad.getMessage().contains("'--epoch'"), bad.getMessage());
    }

    /** The options a member run records, parsed back, record the same again: a recorded run can be launched again. */
    @Test
    void recordedOptionsParseBackToTheSameOptions() {
        Path data = dir.resolve("images");
        List<List<String>> launches = List.of(
                List.of("ib12", "--epochs", "30", "--lr", "2e-3", "--measure", "kde:bound=lower", "--measure", "binning",
                        "--activation", "relu", "--random-labels", "--seeds", "4,5", "--quiet"),
                List.of("fashion-mlp", "--data", data.toString(), "--probe-size", "500", "--save-activations", "--dump-rows", "50"),
                List.of("cifar10-cnn", "--l2", "0.015", "--out", dir.resolve("out").toString(), "--overwrite"));
        for (List<String> launch : launches) {
            Map<String, Object> recorded = recordedLaunch(launch.get(0), launch.subList(1, launch.size()));
            assertEquals(launch.get(0), recorded.get("experiment"));
            @SuppressWarnings("unchecked")
            Map<String, Object> options = (Map<String, Object>) recorded.get("options");
            assertEquals(recorded, recordedLaunch(launch.get(0), ExperimentCatalog.arguments(options)), launch.toString());
            for (String placement : List.of("--out", "--overwrite", "--quiet", "--seeds", "--help", "--version")) {
                assertFalse(options.containsKey(placement), placement + " is where and how a run is written, not what it is");
            }
            assertTrue(options.containsKey("--seed") && options.containsKey("--activation") && options.containsKey("--epochs"),
                    "defaults are recorded too: " + options);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> ib12 = (Map<String, Object>) recordedLaunch("ib12", List.of("--seeds", "4,5", "--random-labels",
                "--measure", "binning")).get("options");
        assertEquals(4L, ib12.get("--seed"), "a member of --seeds records its own seed");
        assertEquals(true, ib12.get("--random-labels"));
        assertEquals(List.of("binning"), ib12.get("--measure"));
        assertEquals(4000, ib12.get("--epochs"));
        @SuppressWarnings("unchecked")
        Map<String, Object> fashion = (Map<String, Object>) recordedLaunch("fashion-mlp", List.of("--data", "images")).get("options");
        assertEquals(Path.of("images").toAbsolutePath().normalize().toString(), fashion.get("--data"), "paths are recorded absolute");
        assertFalse(fashion.containsKey("--probe-size"), "an option without a value (the experiment's default probe) is left out");
    }

    private static Map<String, Object> recordedLaunch(String experiment, List<String> options) {
        TrainingCommand c = (TrainingCommand) ExperimentCatalog.named(experiment);
        new CommandLine(c).parseArgs(options.toArray(String[]::new));
        return c.launch(c.variants.variant());
    }

    /** A 12-bit run launched again from its run.json alone records the same values. */
    @Test
    void aRunLaunchedAgainFromItsRunJsonRecordsTheSameValues() throws IOException {
        ExperimentOutcome first = ExperimentCatalog.launch("ib12", List.of("--epochs", "4", "--points", "3", "--activation", "relu",
                "--measure", "binning:edges=adaptive", "--quiet"), dir.resolve("first"));
        assertEquals(1, first.runs().size());
        assertEquals(List.of(dir.resolve("first")), first.directories());
        RunProvenance p = new RunDirectory(dir.resolve("first")).readProvenance();
        assertEquals("ib12", p.launch().get("experiment"));
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) p.launch().get("options");
        ExperimentOutcome again = ExperimentCatalog.launch((String) p.launch().get("experiment"), ExperimentCatalog.arguments(options),
                dir.resolve("again"));
        assertEquals(values(first.directories().get(0)), values(again.directories().get(0)));
        assertEquals(p.settings(), new RunDirectory(dir.resolve("again")).readProvenance().settings());
        assertEquals(p.launch(), new RunDirectory(dir.resolve("again")).readProvenance().launch());
    }

    private static List<String> values(Path run) throws IOException {
        return TrajectoryReader.read(new RunDirectory(run).trajectoryFile()).records().stream()
                .map((TrajectoryRecord r) -> r.epoch() + " " + r.layer().name() + " " + r.label() + " " + r.values()).toList();
    }
}
