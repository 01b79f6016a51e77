package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.InMemoryTrajectory;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What used to do nothing silently: epoch 0 in manual loops and on restored networks, a restored
 * network's schedule, manual records outside the schedule, and a run never closed.
 */
class ListenerLifecycleTest {

    @TempDir
    Path dir;

    private static BinnedInformation fixedRange() {
        return new BinnedInformation(FixedRangeDiscretizer.builder().build());
    }

    private static Set<Integer> epochs(List<TrajectoryRecord> r) {
        return r.stream().map(TrajectoryRecord::epoch).collect(Collectors.toCollection(TreeSet::new));
    }

    private static double accuracy(MultiLayerNetwork net, DataSet data) {
        return net.evaluate(new org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator<>(data.asList(), 96)).accuracy();
    }

    private static double probeAccuracy(List<TrajectoryRecord> r, int epoch) {
        return r.stream().filter(x -> x.epoch() == epoch && x.measure().equals(TrainingRecord.MEASURE)).findFirst().orElseThrow()
                .value(TrainingRecord.PROBE_ACCURACY);
    }

    /** Before: a network restored after 3 epochs counts from 3, so at(1, 2, 3) recorded nothing, epoch 0 included. */
    @Test
    void aRestoredNetworkCountsEpochsFromAttachmentAndItsRestoredStateIsEpochZero() throws IOException {
        DataSet data = TestNetworks.data(21);
        MultiLayerNetwork trained = TestNetworks.mlp();
        trained.fit(TestNetworks.iterator(data), 3);
        File saved = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(trained, saved, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(saved, true);
        assertEquals(3, restored.getEpochCount(), "DL4J keeps the epoch count in the saved configuration");
        double restoredAccuracy = accuracy(restored, data);

        Path run = dir.resolve("restored");
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange())
                .schedule(EpochSchedule.at(1, 2, 3)).recordBeforeTraining(true).recordTraining(true).outputDirectory(run).build()) {
            restored.setListeners(listener);
            restored.fit(TestNetworks.iterator(data), 3);
        }
        List<TrajectoryRecord> r = TrajectoryReader.read(new RunDirectory(run).trajectoryFile()).records();
        assertEquals(Set.of(0, 1, 2, 3), epochs(r));
        assertEquals(restoredAccuracy, probeAccuracy(r, 0), 1e-12, "epoch 0 is the restored network, not an untrained one");
        RunProvenance p = new RunDirectory(run).readProvenance();
        assertEquals(3, ((Number) p.recording().get("epochsBeforeAttachment")).intValue());
        assertEquals(6, restored.getEpochCount(), "DL4J's own count is left alone");
    }

    /** Before: a manual loop with recordBeforeTraining had no epoch 0, and record(net, e) recorded every e the schedule leaves out. */
    @Test
    void aManualLoopFollowsTheScheduleAndRecordsTheUntrainedNetworkAsEpochZero() {
        DataSet data = TestNetworks.data(22);
        MultiLayerNetwork net = TestNetworks.mlp();
        MultiLayerNetwork untrained = net.clone();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        List<Boolean> recorded = new ArrayList<>();
        double[] accuracyAt4 = new double[1];
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange()).sink(sink)
                .schedule(EpochSchedule.at(2, 4)).recordBeforeTraining(true).recordTraining(true).build()) {
            net.setListeners(listener); // attached: its first minibatch shows the untrained weights
            for (int epoch = 1; epoch <= 5; epoch++) {
                for (DataSet batch : data.batchBy(32)) {
                    net.fit(batch); // no epoch callbacks
                }
                recorded.add(listener.record(net, epoch));
                if (epoch == 4) {
                    accuracyAt4[0] = accuracy(net, data);
                }
            }
        }
        assertEquals(List.of(false, true, false, true, false), recorded);
        List<TrajectoryRecord> r = sink.records();
        assertEquals(Set.of(0, 2, 4), epochs(r));
        assertEquals(accuracy(untrained, data), probeAccuracy(r, 0), 1e-12, "epoch 0 holds the weights before the first update");
        assertEquals(accuracyAt4[0], probeAccuracy(r, 4), 1e-12);
        // the same epoch 0 as recorded from the untrained network itself
        InMemoryTrajectory reference = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange()).sink(reference)
                .recordBeforeTraining(true).build()) {
            listener.recordInitialState(untrained);
        }
        List<TrajectoryRecord> zero = r.stream().filter(x -> x.epoch() == 0 && !x.measure().equals(TrainingRecord.MEASURE)).toList();
        assertEquals(reference.records().size(), zero.size());
        for (int i = 0; i < zero.size(); i++) {
            assertEquals(reference.records().get(i).values(), zero.get(i).values(), zero.get(i).layer().name());
        }
        assertEquals(6, ((Number) r.stream().filter(x -> x.epoch() == 2 && x.measure().equals(TrainingRecord.MEASURE)).findFirst()
                .orElseThrow().details().get("minibatches")).intValue(), "the loss of epoch 2 averages epochs 1 and 2 (3 minibatches each)");
    }

    /** Unattached, the untrained weights are never seen: no epoch 0 (and a warning), the scheduled epochs as before. */
    @Test
    void anUnattachedManualLoopCannotRecordEpochZeroLate() {
        DataSet data = TestNetworks.data(23);
        MultiLayerNetwork net = TestNetworks.mlp();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange()).sink(sink)
                .recordBeforeTraining(true).build()) {
            for (int epoch = 1; epoch <= 2; epoch++) {
                net.fit(data);
                assertTrue(listener.record(net, epoch));
            }
            assertFalse(listener.record(net, 0), "epoch 0 after epoch 2");
        }
        assertEquals(Set.of(1, 2), epochs(sink.records()));
    }

    /**
     * Before: the worker is a daemon thread, so a run whose close() was forgotten lost its queued
     * epochs at exit and run.json said "running". A child JVM trains and returns from main without close().
     */
    @Test
    void aForgottenCloseIsFinishedAtExitWithAWarning() throws Exception {
        Path run = dir.resolve("forgotten");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ForgottenClose.class.getName(),
                run.toString()).redirectErrorStream(true);
        Process child = pb.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("was not closed: finishing it as the JVM exits"), output);
        RunProvenance p = new RunDirectory(run).readProvenance();
        assertEquals(RunStatus.FINISHED, p.status());
        List<TrajectoryRecord> r = TrajectoryReader.read(new RunDirectory(run).trajectoryFile()).records();
        assertEquals(Set.of(1, 2, 3), epochs(r), "the last queued epoch is measured");
        assertEquals(3 * 3, r.size());
        assertTrue(Files.exists(run.resolve("run.json")));
    }

    /** The child JVM of {@link #aForgottenCloseIsFinishedAtExitWithAWarning}: trains 3 epochs and never closes its listener. */
    public static final class ForgottenClose {
        public static void main(String[] args) {
            DataSet data = TestNetworks.data(24);
            MultiLayerNetwork net = TestNetworks.mlp();
            InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange())
                    .outputDirectory(Path.of(args[0])).build();
            net.setListeners(listener);
            net.fit(TestNetworks.iterator(data), 3);
            // no close(): main returns while epoch 3 may still be queued
        }
    }
}
