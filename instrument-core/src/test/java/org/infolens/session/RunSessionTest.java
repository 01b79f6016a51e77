package org.infolens.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Activations;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.LayerParameters;
import org.infolens.data.Probe;
import org.infolens.data.WeightMatrix;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.estimate.parameters.WeightConditionNumber;
import org.infolens.pipeline.PendingSnapshot;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.InMemoryTrajectory;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run session driven by a plain Java training loop, as any framework adapter would drive it: no DL4J. */
class RunSessionTest {

    static final int ROWS = 256;

    @TempDir
    Path dir;

    /** A two-layer tanh "network" whose weights drift with the epoch, run on fixed inputs. */
    static ActivationSnapshot forward(float[][] x, int[] labels, int epoch) {
        Random rnd = new Random(epoch);
        List<LayerActivations> layers = new ArrayList<>();
        float[][] in = x;
        for (int l = 0; l < 2; l++) {
            int width = 3 - l;
            float[] out = new float[ROWS * width];
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < width; c++) {
                    double s = 0;
                    for (float v : in[r]) {
                        s += v * (0.5 + epoch * 0.3 + rnd.nextGaussian() * 0.01);
                    }
                    out[r * width + c] = (float) Math.tanh(s + labels[r] * (c + 1) * 0.2);
                }
            }
            layers.add(new LayerActivations(new LayerId(l, "h" + l, width, l == 1 ? LayerKind.OUTPUT : LayerKind.DENSE, "tanh"),
                    Activations.wrap(out, ROWS, width)));
            float[][] next = new float[ROWS][width];
            for (int r = 0; r < ROWS; r++) {
                System.arraycopy(out, r * width, next[r], 0, width);
            }
            in = next;
        }
        // the first layer's weights: diag(3, 1) has condition number 3
        WeightMatrix w = WeightMatrix.ofRows(new double[][] {{3, 0}, {0, 1}});
        return new ActivationSnapshot(epoch, 10L * epoch, layers, List.of(new LayerParameters(layers.get(0).layer(), w, null)));
    }

    @Test
    void aHandWrittenLoopRecordsARunWithItsProvenanceAndCloseHooks() throws IOException {
        Random rnd = new Random(1);
        float[][] x = new float[ROWS][2];
        int[] labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            x[r][0] = (float) rnd.nextGaussian();
            x[r][1] = (float) rnd.nextGaussian();
            labels[r] = r % 2;
        }
        Probe probe = Probe.of(labels);
        Path out = dir.resolve("loop");
        List<RunStatus> statusSeenByHook = new ArrayList<>();
        RunSession session = RunSession.builder()
                .measure(new BinnedInformation(FixedRangeDiscretizer.builder().bins(10).build()))
                .parameterMeasure(new WeightConditionNumber())
                .outputDirectory(out)
                .dataset(Map.of("name", "two gaussians"))
                .seed("data", 1)
                .settings(Map.of("epochs", 3))
                .launch(Map.of("experiment", "loop"))
                .onClose(run -> statusSeenByHook.add(run.readProvenance().status()))
                .build();
        assertEquals("loop", session.name(), "named after its directory");
        for (int epoch = 0; epoch <= 3; epoch++) {
            assertTrue(session.admits(epoch));
            ActivationSnapshot s = forward(x, labels, epoch);
            if (!session.started()) {
                Map<String, Object> recording = new LinkedHashMap<>();
                recording.put("schedule", "every epoch");
                recording.put("layers", List.of("h0", "h1"));
                session.start(new RunStart(probe, Map.of("rows", ROWS), Map.of("framework", "plain Java"), "{\"layers\":2}",
                        Map.of("weights", 7L), recording), s);
                assertEquals(RunStatus.RUNNING, new RunDirectory(out).readProvenance().status(), "run.json is written at the start");
                session.submit(PendingSnapshot.of(s));
            } else { // captured on the worker, as the DL4J listener does after the first epoch
                session.submit(new PendingSnapshot(epoch, 10L * epoch, session.layers(), s.parameters(), () -> s, a -> List.of()));
            }
            session.addCaptureTime(1_000_000);
        }
        assertFalse(session.admits(2), "an epoch already recorded");
        session.putResult("finalLoss", 0.25);
        session.close();
        session.close(); // idempotent
        assertFalse(session.admits(4), "closed");

        List<TrajectoryRecord> records = TrajectoryReader.read(new RunDirectory(out).trajectoryFile()).records();
        assertEquals(4 * 2 + 4, records.size(), "4 epochs x 2 layers of binning, and the first layer's weight condition");
        assertTrue(records.stream().allMatch(TrajectoryRecord::isOk));
        for (TrajectoryRecord r : records.stream().filter(r -> r.measure().equals("binning")).toList()) {
            assertTrue(r.value("I_XT") <= 8 + 1e-12 && r.value("I_TY") <= 1 + 1e-12, r.toString());
        }
        records.stream().filter(r -> r.measure().equals("weight-condition"))
                .forEach(r -> assertEquals(3.0, r.value("condition"), 1e-9, "diag(3, 1)"));

        RunProvenance p = new RunDirectory(out).readProvenance();
        assertEquals(RunStatus.FINISHED, p.status());
        assertEquals(List.of(RunStatus.FINISHED), statusSeenByHook, "hooks run after run.json is finished");
        assertEquals(List.of("weights", "data"), List.copyOf(p.seeds().keySet()), "the adapter's seeds first");
        assertEquals(List.of("schedule", "layers", "queueCapacity", "whenFull", "snapshotBytes", "keepActivations"),
                List.copyOf(p.recording().keySet()));
        assertEquals("plain Java", p.framework().get("framework"));
        assertEquals(2, p.network().get("layers").asInt());
        assertEquals(Map.of("experiment", "loop"), p.launch());
        assertEquals(List.of("binning", "weight-condition"), p.measures().stream().map(m -> m.get("name")).toList());
        assertEquals(4, ((Number) p.summary().get("recordedEpochs")).intValue());
        assertEquals(12, ((Number) p.summary().get("okRecords")).intValue());
        assertEquals(0.004, ((Number) p.summary().get("captureSeconds")).doubleValue(), 1e-12);
        assertEquals(0.25, ((Number) p.summary().get("finalLoss")).doubleValue());
        assertFalse(Files.exists(out.resolve("figures")), "figures only with a close hook that draws them");
    }

    @Test
    void aSessionThatRecordedNothingWritesNothing() {
        InMemoryTrajectory sink = new InMemoryTrajectory();
        RunSession session = RunSession.builder().measure(new BinnedInformation(FixedRangeDiscretizer.builder().build())).sink(sink).build();
        assertEquals("run", session.name());
        assertNull(session.runDirectory());
        assertEquals(0, session.summary().submitted());
        assertThrows(IllegalStateException.class, () -> session.submit(PendingSnapshot.of(new ActivationSnapshot(1, 1, List.of()))));
        session.close();
        assertTrue(sink.records().isEmpty());
    }

    @Test
    void settingsAreCheckedWhenBuilt() {
        BinnedInformation binning = new BinnedInformation(FixedRangeDiscretizer.builder().build());
        assertThrows(IllegalArgumentException.class, () -> RunSession.builder().outputDirectory(dir).build(), "no measure");
        assertThrows(IllegalArgumentException.class, () -> RunSession.builder().measure(binning).build(), "nowhere to write");
        IllegalArgumentException hook = assertThrows(IllegalArgumentException.class,
                () -> RunSession.builder().measure(binning).sink(new InMemoryTrajectory()).onClose(run -> { }).build());
        assertTrue(hook.getMessage().contains("output directory"), hook.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RunSession.builder().measure(binning).sink(new InMemoryTrajectory()).keepActivations(true).build());
        assertThrows(IllegalArgumentException.class, () -> RunSession.builder().measure(binning).outputDirectory(dir).queueCapacity(0).build());
        assertThrows(IllegalArgumentException.class, () -> RunSession.builder().measure(binning).measure(binning).outputDirectory(dir).build(),
                "two measures with one label");
    }
}
