package org.infolens.experiments.ib12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.experiments.HiddenActivation;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainingVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ib12ExperimentTest {

    @TempDir
    Path dir;

    private static Ib12Options options(Path out, String activation, long seed) {
        return new Ib12Options(new TrainingVariant(HiddenActivation.parse(activation), 0, 0, false, seed), 12, 512, 4e-4, true, 0.8, null,
                List.of(), 6, out, null, true);
    }

    @Test
    void shortRunWritesProvenanceTrajectoryAndFigure() throws IOException {
        Path run = dir.resolve("tanh");
        RunOutcome r = Ib12Experiment.run(options(run, "tanh", 3));
        RunDirectory rd = new RunDirectory(run);
        List<TrajectoryRecord> all = TrajectoryReader.read(rd.trajectoryFile()).records();
        List<TrajectoryRecord> training = all.stream().filter(x -> x.measure().equals(TrainingRecord.MEASURE)).toList();
        List<TrajectoryRecord> records = all.stream().filter(x -> !x.measure().equals(TrainingRecord.MEASURE)).toList();
        Set<Integer> epochs = records.stream().map(TrajectoryRecord::epoch).collect(Collectors.toSet());
        // before training, then the log-spaced grid over 12 epochs with 6 points
        Set<Integer> expected = new java.util.TreeSet<>(org.infolens.dl4j.EpochSchedule.logSpaced(12, 6).epochsUpTo(12));
        expected.add(0);
        assertEquals(expected, epochs);
        assertEquals(6 * 6 * 2, records.size(), "6 epochs x 6 layers (output included) x 2 binning measures");
        assertTrue(records.stream().allMatch(TrajectoryRecord::isOk));
        assertEquals(List.of(10, 7, 5, 4, 3, 2), records.stream().map(x -> x.layer().width()).distinct().toList());
        for (TrajectoryRecord x : records) {
            assertEquals(4096, x.n());
            assertTrue(x.value("I_XT") <= 12 + 1e-12, "I(X;T) <= log2 4096");
            assertTrue(x.value("I_TY") <= x.value("I_XT") + 1e-12);
        }
        RunProvenance p = rd.readProvenance();
        assertEquals(RunStatus.FINISHED, p.status());
        assertEquals("ib12", p.dataset().get("name"));
        assertEquals(3277, p.dataset().get("trainRows"));
        assertTrue(p.seeds().containsKey("split") && p.seeds().containsKey("minibatchOrder"));
        assertEquals(r.trainAccuracy(), ((Number) p.summary().get("trainAccuracy")).doubleValue());
        assertTrue(Files.size(run.resolve("figures/information-plane.png")) > 10_000);

        // one training record per recorded epoch, on the output layer; the probe is every pattern
        assertEquals(epochs, training.stream().map(TrajectoryRecord::epoch).collect(Collectors.toSet()));
        assertTrue(training.stream().allMatch(x -> x.layer().width() == 2 && x.isOk()));
        TrajectoryRecord before = training.stream().filter(x -> x.epoch() == 0).findFirst().orElseThrow();
        assertEquals(Set.of(TrainingRecord.PROBE_ACCURACY), before.values().keySet(), "no loss before training");
        TrajectoryRecord last = training.stream().filter(x -> x.epoch() == 12).findFirst().orElseThrow();
        assertEquals(r.finalLoss(), last.value(TrainingRecord.LOSS), 1e-12, "the last epoch's mean minibatch loss, as the run reports it");
        double probeAccuracy = (r.trainAccuracy() * 3277 + r.testAccuracy() * 819) / 4096;
        assertEquals(probeAccuracy, last.value(TrainingRecord.PROBE_ACCURACY), 1e-9);
    }

    @Test
    void sameSeedGivesTheSameTrajectoryValues() throws IOException {
        Ib12Experiment.run(options(dir.resolve("a"), "relu", 9));
        Ib12Experiment.run(options(dir.resolve("b"), "relu", 9));
        List<Map<String, Double>> a = TrajectoryReader.read(dir.resolve("a/trajectory.jsonl")).records().stream()
                .map(TrajectoryRecord::values).toList();
        List<Map<String, Double>> b = TrajectoryReader.read(dir.resolve("b/trajectory.jsonl")).records().stream()
                .map(TrajectoryRecord::values).toList();
        assertEquals(a, b);
    }
}
