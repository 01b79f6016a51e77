package org.infolens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Activations;
import org.infolens.data.GradientMoments;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.LayerParameters;
import org.infolens.data.Probe;
import org.infolens.data.WeightMatrix;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.GlobalMinMaxDiscretizer;
import org.infolens.estimate.parameters.GradientSignalToNoise;
import org.infolens.estimate.parameters.WeightConditionNumber;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;
import org.infolens.trajectory.InMemoryTrajectory;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;

class MeasurementPipelineTest {

    static final int ROWS = 64;
    static final Probe PROBE = Probe.of(labels());

    static int[] labels() {
        int[] y = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = i % 2;
        }
        return y;
    }

    static ActivationSnapshot snapshot(int epoch, long seed, boolean nanInSecondLayer) {
        Random rnd = new Random(seed);
        List<LayerActivations> layers = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            int width = 3 - l;
            float[] v = new float[ROWS * width];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) Math.tanh(rnd.nextGaussian() * (1 + epoch));
            }
            if (nanInSecondLayer && l == 1) {
                v[5] = Float.NaN;
            }
            layers.add(new LayerActivations(new LayerId(l, "layer" + l, width, LayerKind.DENSE, "tanh"), Activations.wrap(v, ROWS, width)));
        }
        return new ActivationSnapshot(epoch, epoch * 10L, layers);
    }

    /** A measure for tests: returns the layer's mean, can fail on a layer or wait for a signal. */
    static final class ProbeMeasure implements Measure {
        final String label;
        final int failOnLayer;
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release;

        ProbeMeasure(String label, int failOnLayer, CountDownLatch release) {
            this.label = label;
            this.failOnLayer = failOnLayer;
            this.release = release;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("k", 1);
        }

        /** Not registered: it declares its one value itself (or, labelled "undeclared", another one). */
        @Override
        public List<Output> outputs() {
            return List.of(Output.of(label.equals("undeclared") ? "median" : "mean", "mean activation", Unit.NUMBER));
        }

        @Override
        public Estimate estimate(LayerId layer, Activations values, Probe probe) {
            started.countDown();
            if (release != null) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (layer.index() == failOnLayer) {
                throw new IllegalArgumentException("cannot estimate this one");
            }
            double sum = 0;
            for (int i = 0; i < values.size(); i++) {
                sum += values.getFlat(i);
            }
            return Estimate.of(Map.of("mean", sum / values.size()));
        }
    }

    private static MeasurementPipeline.Builder pipeline(InMemoryTrajectory sink, Measure... measures) {
        return MeasurementPipeline.builder().runName("test").probe(PROBE).sink(sink).measures(List.of(measures));
    }

    @Test
    void nanLayerAndFailingEstimatorBecomeErrorRecordsAndTheRestGoesOn() throws IOException {
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (MeasurementPipeline p = pipeline(sink, new ProbeMeasure("good", -1, null), new ProbeMeasure("flaky", 2, null)).build()) {
            p.submit(snapshot(1, 1, true));
            p.submit(snapshot(2, 2, false));
        }
        List<TrajectoryRecord> r = sink.records();
        assertEquals(2 * 3 * 2, r.size());
        TrajectoryRecord nan = r.stream().filter(x -> x.epoch() == 1 && x.layer().index() == 1 && x.label().equals("good")).findFirst().orElseThrow();
        assertEquals(RecordStatus.ERROR, nan.status());
        assertTrue(nan.message().contains("'layer1'") && nan.message().contains("epoch 1") && nan.message().contains("1 NaN"), nan.message());
        TrajectoryRecord failed = r.stream().filter(x -> x.epoch() == 2 && x.layer().index() == 2 && x.label().equals("flaky")).findFirst().orElseThrow();
        assertEquals(RecordStatus.ERROR, failed.status());
        assertTrue(failed.message().contains("cannot estimate this one") && failed.message().contains("'layer2'"), failed.message());
        long ok = r.stream().filter(TrajectoryRecord::isOk).count();
        assertEquals(12 - 2 - 2, ok); // epoch 1: 2 NaN errors + flaky layer2; epoch 2: flaky layer2
        assertTrue(r.stream().filter(TrajectoryRecord::isOk).allMatch(x -> x.values().containsKey("mean")));
        assertTrue(r.stream().filter(TrajectoryRecord::isOk).allMatch(x -> x.units().equals(Map.of("mean", Unit.NUMBER))));
    }

    @Test
    void aValueTheMeasureDoesNotDeclareIsAnErrorRecordNotAGuessedUnit() throws IOException {
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (MeasurementPipeline p = pipeline(sink, new ProbeMeasure("undeclared", -1, null)).build()) {
            p.submit(snapshot(1, 1, false));
        }
        assertTrue(sink.records().stream().allMatch(x -> x.status() == RecordStatus.ERROR && x.message().contains("'mean'")
                && x.message().contains("does not declare")), sink.records().get(0).message());
    }

    @Test
    void parameterMeasuresWriteRecordsWhereTheyApplyAndTheirErrorsStayIsolated() throws IOException {
        ActivationSnapshot a = snapshot(3, 3, false);
        LayerId first = a.layers().get(0).layer();
        LayerId second = a.layers().get(1).layer();
        List<LayerParameters> parameters = List.of(
                new LayerParameters(first, WeightMatrix.ofRows(new double[][] {{2, 0}, {0, 1}}), new GradientMoments(4, 1, 0.25)),
                // NaN weights: an error record for this layer's condition number only
                new LayerParameters(second, WeightMatrix.ofRows(new double[][] {{Double.NaN}}), null));
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (MeasurementPipeline p = pipeline(sink, new ProbeMeasure("good", -1, null))
                .parameterMeasure(new WeightConditionNumber()).parameterMeasure(new GradientSignalToNoise()).build()) {
            p.submit(new ActivationSnapshot(a.epoch(), a.iteration(), a.layers(), parameters));
        }
        List<TrajectoryRecord> r = sink.records();
        assertEquals(3 + 3, r.size(), "3 activation records, 2 weight-condition, 1 gradient-snr (the second layer has no gradients)");
        TrajectoryRecord condition = r.stream().filter(x -> x.measure().equals("weight-condition") && x.layer().equals(first))
                .findFirst().orElseThrow();
        assertEquals(2, condition.value("condition"), 1e-12);
        assertEquals(Unit.NUMBER, condition.units().get("condition"), "a condition number, not bits");
        assertEquals(3, condition.epoch());
        assertEquals(30, condition.iteration());
        TrajectoryRecord snr = r.stream().filter(x -> x.measure().equals("gradient-snr")).findFirst().orElseThrow();
        assertEquals(4, snr.value("snr"), 1e-12);
        assertEquals(4, snr.n(), "n counts the epoch's iterations");
        TrajectoryRecord nan = r.stream().filter(x -> x.measure().equals("weight-condition") && x.layer().equals(second))
                .findFirst().orElseThrow();
        assertEquals(RecordStatus.ERROR, nan.status());
        assertTrue(nan.message().contains("NaN") && nan.message().contains("'layer1'"), nan.message());
        assertEquals(5, r.stream().filter(TrajectoryRecord::isOk).count());
    }

    @Test
    void skipPolicyDropsEpochsWhenTheQueueIsFullAndSaysSo() throws Exception {
        InMemoryTrajectory sink = new InMemoryTrajectory();
        CountDownLatch release = new CountDownLatch(1);
        ProbeMeasure slow = new ProbeMeasure("slow", -1, release);
        MeasurementPipeline p = pipeline(sink, slow).queueCapacity(1).whenFull(WhenFull.SKIP).build();
        assertTrue(p.submit(snapshot(1, 1, false)));
        assertTrue(slow.started.await(10, TimeUnit.SECONDS)); // the worker holds epoch 1
        assertTrue(p.submit(snapshot(2, 2, false)));          // waits in the queue
        assertFalse(p.submit(snapshot(3, 3, false)));         // no room: skipped
        release.countDown();
        p.close();
        List<TrajectoryRecord> r = sink.records();
        assertEquals(3 * 3, r.size(), "every epoch measured or recorded as skipped");
        assertTrue(r.stream().filter(x -> x.epoch() == 3).allMatch(x -> x.status() == RecordStatus.SKIPPED));
        assertTrue(r.stream().filter(x -> x.epoch() < 3).allMatch(TrajectoryRecord::isOk));
        PipelineSummary s = p.summary();
        assertEquals(3, s.submitted());
        assertEquals(1, s.skipped());
        assertEquals(2, s.measured());
        assertEquals(1, s.maxQueued());
    }

    @Test
    void aSubsamplingMeasureRecordsTheRowsItRead() throws IOException {
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (MeasurementPipeline p = pipeline(sink, new ProbeMeasure("all", -1, null),
                new org.infolens.estimate.ProbeSubsample(new ProbeMeasure("part", -1, null), 20, 1)).build()) {
            p.submit(snapshot(1, 1, false));
        }
        assertTrue(sink.records().stream().filter(x -> x.label().equals("all")).allMatch(x -> x.n() == ROWS));
        assertTrue(sink.records().stream().filter(x -> x.label().equals("part")).allMatch(x -> x.n() == 20 && x.isOk()));
        assertEquals(6, sink.records().size());
    }

    @Test
    void waitPolicyMeasuresEveryEpoch() throws IOException {
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (MeasurementPipeline p = pipeline(sink, new ProbeMeasure("m", -1, null)).queueCapacity(1).build()) {
            for (int e = 1; e <= 20; e++) {
                assertTrue(p.submit(snapshot(e, e, false)));
            }
        }
        assertEquals(60, sink.records().size());
        assertTrue(sink.records().stream().allMatch(TrajectoryRecord::isOk));
    }

    @Test
    void subsampledDumpsLeaveTheSecondPassOnEveryRow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        List<ActivationSnapshot> snaps = List.of(snapshot(1, 5, false), snapshot(4, 6, false));
        InMemoryTrajectory withDumps = new InMemoryTrajectory();
        InMemoryTrajectory without = new InMemoryTrajectory();
        org.infolens.io.ActivationStore dumps = org.infolens.io.ActivationStore.in(dir, new org.infolens.io.ActivationDumps(16, 0, 1));
        MeasurementPipeline a = pipeline(withDumps, new BinnedInformation(GlobalMinMaxDiscretizer.builder().bins(10).build()))
                .activationStore(dumps).build();
        MeasurementPipeline b = pipeline(without, new BinnedInformation(GlobalMinMaxDiscretizer.builder().bins(10).build())).build();
        for (ActivationSnapshot s : snaps) {
            a.submit(s);
            b.submit(s);
        }
        a.close();
        b.close();
        assertEquals(without.records().stream().map(TrajectoryRecord::values).toList(),
                withDumps.records().stream().map(TrajectoryRecord::values).toList());
        assertTrue(withDumps.records().stream().allMatch(x -> x.n() == ROWS));
        assertEquals(16, org.infolens.io.ActivationStore.load(dumps.storedEpochs().get(0)).rows(), "the dumps keep their 16 rows");
    }

    @Test
    void observedGlobalRangeIsEstimatedAtCloseAndMatchesTheDeclaredRange() throws IOException {
        List<ActivationSnapshot> snaps = List.of(snapshot(1, 5, false), snapshot(4, 6, false), snapshot(9, 7, false));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ActivationSnapshot s : snaps) {
            for (LayerActivations l : s.layers()) {
                lo = Math.min(lo, l.values().min());
                hi = Math.max(hi, l.values().max());
            }
        }
        InMemoryTrajectory observed = new InMemoryTrajectory();
        InMemoryTrajectory declared = new InMemoryTrajectory();
        MeasurementPipeline a = pipeline(observed, new BinnedInformation(GlobalMinMaxDiscretizer.builder().bins(10).build())).build();
        MeasurementPipeline b = pipeline(declared, new BinnedInformation(GlobalMinMaxDiscretizer.builder().bins(10).range(lo, hi).build())).build();
        for (ActivationSnapshot s : snaps) {
            a.submit(s);
            b.submit(s);
        }
        a.close();
        b.close();
        assertEquals(9, observed.records().size());
        for (int i = 0; i < 9; i++) {
            TrajectoryRecord x = observed.records().get(i);
            TrajectoryRecord y = declared.records().get(i);
            assertEquals(y.epoch(), x.epoch());
            assertEquals(y.layer(), x.layer());
            assertEquals(y.values(), x.values());
            assertEquals((double) lo, x.resolved().get("lo"), "the observed range is resolved, not a parameter");
            assertEquals("observed", x.params().get("range"));
            assertEquals((double) lo, y.params().get("lo"), "a declared range is");
        }
    }

    @Test
    void builderAndSubmitRejectBadUse() throws IOException {
        InMemoryTrajectory sink = new InMemoryTrajectory();
        assertThrows(IllegalArgumentException.class, () -> MeasurementPipeline.builder().sink(sink).measure(new ProbeMeasure("m", -1, null)).build());
        assertThrows(IllegalArgumentException.class, () -> pipeline(sink).build());
        assertThrows(IllegalArgumentException.class,
                () -> pipeline(sink, new ProbeMeasure("same", -1, null), new ProbeMeasure("same", -1, null)).build());
        MeasurementPipeline p = pipeline(sink, new ProbeMeasure("m", -1, null)).build();
        ActivationSnapshot wrongRows = new ActivationSnapshot(1, 1, List.of(new LayerActivations(LayerId.of(0, 1),
                Activations.wrap(new float[3], 3, 1))));
        assertThrows(IllegalArgumentException.class, () -> p.submit(wrongRows));
        p.close();
        assertThrows(IllegalStateException.class, () -> p.submit(snapshot(1, 1, false)));
    }
}
