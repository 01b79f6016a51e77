package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

/** A run continued from its checkpoint records what the uninterrupted run records, each epoch once. */
class ResumeTest {

    private static final int EPOCHS = 8;
    private static final int CHECKPOINT = 4;

    @TempDir
    Path dir;

    private static InfoPlaneListener listener(DataSet data, Path out, boolean checkpoints) {
        return InfoPlaneListener.builder()
                .probe(ProbeSet.of(data))
                .measure(new BinnedInformation(FixedRangeDiscretizer.builder().build()))
                .schedule(EpochSchedule.everyEpoch())
                .recordBeforeTraining(true)
                .recordTraining(true)
                .checkpoints(checkpoints)
                .outputDirectory(out)
                .build();
    }

    private static Map<String, TrajectoryRecord> byKey(Path run) throws IOException {
        List<TrajectoryRecord> records = TrajectoryReader.read(new RunDirectory(run).trajectoryFile()).records();
        Map<String, TrajectoryRecord> m = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (TrajectoryRecord r : records) {
            String key = r.epoch() + "/" + r.layer().name() + "/" + r.label();
            assertTrue(seen.add(key), () -> "recorded twice: " + key);
            m.put(key, r);
        }
        return m;
    }

    @Test
    void aResumedRunEqualsTheUninterruptedOneAfterTheCheckpointAndRecordsNoEpochTwice() throws IOException {
        DataSet data = TestNetworks.data(3);
        Path whole = dir.resolve("whole");
        try (InfoPlaneListener l = listener(data, whole, false)) {
            MultiLayerNetwork net = TestNetworks.mlp();
            net.setListeners(l);
            net.fit(TestNetworks.iterator(data), EPOCHS);
        }

        Path cut = dir.resolve("cut");
        try (InfoPlaneListener l = listener(data, cut, true)) { // the first process stops after the checkpoint's epoch
            MultiLayerNetwork net = TestNetworks.mlp();
            net.setListeners(l);
            net.fit(TestNetworks.iterator(data), CHECKPOINT);
        }
        assertEquals(List.of(CHECKPOINT), List.copyOf(Checkpoint.list(cut).keySet()), "the written epochs' older checkpoints are deleted");
        // a killed process may have written part of the checkpoint's epoch again, and half a line: both go
        List<String> lines = Files.readAllLines(new RunDirectory(cut).trajectoryFile());
        Files.writeString(new RunDirectory(cut).trajectoryFile(), lines.get(lines.size() - 1) + "\n{\"epoch\": 4, \"la",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (InfoPlaneListener l = listener(data, cut, true)) {
            Checkpoint c = l.resume(cut);
            assertEquals(CHECKPOINT, c.epoch());
            MultiLayerNetwork net = (MultiLayerNetwork) c.network();
            net.setListeners(l);
            net.fit(TestNetworks.iterator(data), EPOCHS - c.epoch());
        }

        Map<String, TrajectoryRecord> a = byKey(whole);
        Map<String, TrajectoryRecord> b = byKey(cut);
        assertEquals(a.keySet(), b.keySet(), "the same epochs, layers and measures, each once");
        for (Map.Entry<String, TrajectoryRecord> e : a.entrySet()) {
            TrajectoryRecord x = e.getValue();
            TrajectoryRecord y = b.get(e.getKey());
            if (x.epoch() >= CHECKPOINT) {
                for (String v : x.values().keySet()) {
                    assertEquals(x.value(v), y.value(v), 1e-12, () -> e.getKey() + " " + v);
                }
            }
        }
        RunProvenance p = new RunDirectory(cut).readProvenance();
        assertEquals(RunStatus.FINISHED, p.status());
        assertTrue(p.recording().get("resumed") instanceof List<?> resumed && resumed.size() == 1, () -> "resumed: " + p.recording());
        assertEquals(ProcessHandle.current().pid(), ((Number) p.environment().get("pid")).longValue());
    }

    @Test
    void resumingNeedsACheckpointAndTheListenersOwnDirectory() throws IOException {
        DataSet data = TestNetworks.data(3);
        Path run = dir.resolve("no-checkpoint");
        try (InfoPlaneListener l = listener(data, run, false)) {
            MultiLayerNetwork net = TestNetworks.mlp();
            net.setListeners(l);
            net.fit(TestNetworks.iterator(data), 2);
        }
        try (InfoPlaneListener l = listener(data, run, true)) {
            IOException e = assertThrows(IOException.class, () -> l.resume(run));
            assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> l.resume(dir.resolve("elsewhere")));
        }
        assertThrows(IllegalArgumentException.class, () -> InfoPlaneListener.builder().probe(ProbeSet.of(data))
                .measure(new BinnedInformation(FixedRangeDiscretizer.builder().build())).checkpoints(true)
                .sink(r -> { }).build());
    }
}
