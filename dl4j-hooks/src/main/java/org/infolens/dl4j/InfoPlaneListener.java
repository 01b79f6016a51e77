package org.infolens.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.GradientMoments;
import org.infolens.data.LayerId;
import org.infolens.data.LayerParameters;
import org.infolens.data.WeightMatrix;
import org.infolens.estimate.interval.IntervalSettings;
import org.infolens.estimate.interval.WithConfidenceIntervals;
import org.infolens.estimate.parameters.GradientSignalToNoise;
import org.infolens.estimate.parameters.WeightConditionNumber;
import org.infolens.figure.RunFigures;
import org.infolens.io.ActivationDumps;
import org.infolens.io.ActivationStore;
import org.infolens.measure.Measure;
import org.infolens.measure.ParameterMeasure;
import org.infolens.pipeline.MeasurementPipeline;
import org.infolens.pipeline.PendingSnapshot;
import org.infolens.pipeline.PipelineSummary;
import org.infolens.pipeline.WhenFull;
import org.infolens.run.InfolensVersion;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.Json;
import org.infolens.trajectory.JsonLinesTrajectoryWriter;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.trajectory.TrajectorySink;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every layer's activations on a fixed probe set at scheduled epochs and hands them to the
 * measures, off the training thread. Attach it to a MultiLayerNetwork or ComputationGraph, train with
 * {@code fit(iterator, epochs)}, then {@link #close()} it: that waits for the estimates, runs second
 * passes, finishes run.json and draws the figures.
 *
 * <pre>{@code
 * try (InfoPlaneListener listener = InfoPlaneListener.builder()
 *         .probe(ProbeSet.of(features, labels))
 *         .measure(new BinnedInformation(FixedRangeDiscretizer.builder().build()))
 *         .schedule(EpochSchedule.logSpaced(1000, 100))
 *         .outputDirectory(Path.of("runs/my-run"))
 *         .build()) {
 *     net.addListeners(listener);
 *     net.fit(trainIterator, 1000);
 * }
 * }</pre>
 *
 * <p>Epochs are counted as completed epochs (1 after the first). DL4J fires epoch callbacks from
 * {@code fit(iterator)} and {@code fit(iterator, n)} only; where it fires none ({@code fit(DataSet)},
 * ParallelWrapper, Spark workers) call {@link #record(Model, int)} from the training loop instead.
 * Not Serializable: it owns a worker thread and open files; record on the driver.
 *
 * <p>Besides activations it can measure each weighted layer's parameters at the recorded epochs:
 * the condition number of its weight matrix ({@code weight-condition}) and the signal-to-noise
 * ratio of its minibatch gradients over the epoch just finished ({@code gradient-snr}). Gradients
 * are accumulated in {@link #onGradientCalculation}, before the updater touches them, and only
 * during epochs the schedule will record; without epoch callbacks, over the iterations since the
 * previous {@link #record(Model, int)}.
 */
public final class InfoPlaneListener extends BaseTrainingListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InfoPlaneListener.class);

    private final ProbeSet probe;
    private final EpochSchedule schedule;
    private final List<Measure> measures;
    private final List<ParameterMeasure> parameterMeasures;
    private final boolean weightConditionNumbers;
    private final boolean gradientSignalToNoise;
    private final Predicate<LayerId> layerFilter;
    private final String layerFilterDescription;
    private final boolean recordBeforeTraining;
    private final boolean recordTraining;
    private final RunDirectory runDirectory; // null when writing to a custom sink only
    private final List<TrajectorySink> extraSinks;
    private final ActivationDumps dumps; // null when no activations are kept
    private final boolean drawFigures;
    private final int queueCapacity;
    private final WhenFull whenFull;
    private final int captureBatchSize;
    private final boolean captureOnWorker;
    private final String runName;
    private final Map<String, Object> dataset;
    private final Map<String, Long> seeds;
    private final Map<String, Object> settings;
    private final Map<String, Object> launch;

    private NetworkCapture capture;
    private GradientAccumulator gradients; // null until the first gradient when gradientSignalToNoise
    private boolean accumulating;          // the current epoch will be recorded: its gradients count
    private boolean epochCallbacks;        // fit(iterator) fires them; a manual loop does not
    private MeasurementPipeline pipeline;
    private RunProvenance provenance;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private int lastRecordedEpoch = -1;
    private double lossSum;  // minibatch scores since the epoch started (or the previous record), for the training record
    private int lossCount;
    private long captureNanos; // training-thread time spent capturing and handing over snapshots
    private ActivationStore store; // the activation dumps, when kept
    private NetworkCapture shadow;  // a copy of the network the worker captures from
    private List<LayerId> recordedLayers;
    private long dumpBytesPerEpoch;
    private boolean closed;

    private InfoPlaneListener(Builder b) {
        this.probe = b.probe;
        this.schedule = b.schedule;
        this.measures = b.intervals == null ? List.copyOf(b.measures)
                : b.measures.stream().<Measure>map(m -> new WithConfidenceIntervals(m, b.intervals)).toList();
        this.parameterMeasures = b.parameterMeasures();
        this.weightConditionNumbers = b.weightConditionNumbers;
        this.gradientSignalToNoise = b.gradientSignalToNoise;
        this.layerFilter = b.layerFilter;
        this.layerFilterDescription = b.layerFilterDescription;
        this.recordBeforeTraining = b.recordBeforeTraining;
        this.recordTraining = b.recordTraining;
        this.runDirectory = b.outputDirectory == null ? null : new RunDirectory(b.outputDirectory);
        this.extraSinks = List.copyOf(b.sinks);
        this.dumps = b.dumps;
        this.drawFigures = b.drawFigures && runDirectory != null;
        this.queueCapacity = b.queueCapacity;
        this.whenFull = b.whenFull;
        this.captureBatchSize = b.captureBatchSize;
        this.captureOnWorker = b.captureOnWorker;
        this.runName = b.runName != null ? b.runName
                : runDirectory != null ? runDirectory.root().getFileName().toString() : "run";
        this.dataset = new LinkedHashMap<>(b.dataset); // insertion order, as the caller wrote them
        this.seeds = new LinkedHashMap<>(b.seeds);
        this.settings = new LinkedHashMap<>(b.settings);
        this.launch = b.launch;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The run directory, or null when records go to custom sinks only. */
    public RunDirectory runDirectory() {
        return runDirectory;
    }

    /** Records the untrained network as epoch 0 now, when this listener records before training and has not yet. */
    public void recordInitialState(Model model) {
        if (recordBeforeTraining && lastRecordedEpoch < 0 && captureFor(model).epochCount() == 0) {
            record(model, 0);
        }
    }

    @Override
    public void onEpochStart(Model model) {
        recordInitialState(model);
        epochCallbacks = true;
        lossSum = 0;
        lossCount = 0;
        if (gradientSignalToNoise) {
            // the schedule knows in advance which epochs end in a record: only those pay for accumulation
            accumulating = schedule.shouldRecord(captureFor(model).epochCount() + 1);
            if (accumulating) {
                gradientsFor(model).reset();
            }
        }
    }

    /** Fires after backpropagation and before the updater: the raw minibatch gradient. */
    @Override
    public void onGradientCalculation(Model model) {
        if (gradientSignalToNoise && (accumulating || !epochCallbacks)) {
            gradientsFor(model).add(model.gradient().gradientForVariable(), model.batchSize());
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (recordTraining) {
            lossSum += model.score();
            lossCount++;
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        // DL4J increments its epoch counter after this callback: the epoch just finished is count + 1.
        int completed = captureFor(model).epochCount() + 1;
        if (schedule.shouldRecord(completed)) {
            record(model, completed);
        }
    }

    /**
     * Captures the probe activations now and queues them for the measures, recorded as {@code epoch}
     * (completed epochs). For training loops without epoch callbacks; also used by the callbacks.
     */
    public synchronized void record(Model model, int epoch) {
        if (closed) {
            log.warn("run '{}' is closed; epoch {} is not recorded", runName, epoch);
            return;
        }
        if (epoch <= lastRecordedEpoch) {
            log.warn("epoch {} of run '{}' is already recorded (last {}); not recorded again", epoch, runName, lastRecordedEpoch);
            return;
        }
        long t0 = System.nanoTime();
        NetworkCapture c = captureFor(model);
        Function<ActivationSnapshot, List<TrajectoryRecord>> derived = trainingRecord(lossCount == 0 ? Double.NaN : lossSum / lossCount,
                lossCount);
        lossSum = 0;
        lossCount = 0;
        if (pipeline != null && captureOnWorker) {
            recordOnWorker(c, epoch, derived);
        } else { // the first record captures here: it names the layers and starts the pipeline
            ActivationSnapshot snapshot = c.capture(probe, layerFilter, epoch, captureBatchSize);
            if (snapshot.layers().isEmpty()) {
                throw new IllegalArgumentException("the layer filter (" + layerFilterDescription + ") keeps none of the layers "
                        + c.layers().stream().map(LayerId::name).toList());
            }
            if (!parameterMeasures.isEmpty()) {
                snapshot = new ActivationSnapshot(snapshot.epoch(), snapshot.iteration(), snapshot.layers(), parameters(c));
            }
            if (pipeline == null) {
                start(c, snapshot);
                dumpBytesPerEpoch = store == null ? 0 : store.bytesPerEpoch(snapshot);
                recordedLayers = snapshot.layers().stream().map(l -> l.layer()).toList();
            }
            pipeline.submit(PendingSnapshot.of(snapshot, derived));
        }
        lastRecordedEpoch = epoch;
        captureNanos += System.nanoTime() - t0;
    }

    /**
     * Queues the epoch with a copy of the weights; the worker runs the probe through a copy of the
     * network. The training thread pays for copying the weights instead of a forward pass of the
     * whole probe (about 6 % of an epoch for a 10,000-image probe against 60,000 training images).
     */
    /** The training record of an epoch (loss since the previous record, probe accuracy), made from its activations when asked for. */
    private Function<ActivationSnapshot, List<TrajectoryRecord>> trainingRecord(double loss, int minibatches) {
        if (!recordTraining) {
            return s -> List.of();
        }
        return s -> TrainingRecord.of(runName, s, loss, minibatches, probe.labels()).stream().toList();
    }

    private void recordOnWorker(NetworkCapture c, int epoch, Function<ActivationSnapshot, List<TrajectoryRecord>> derived) {
        if (shadow == null) {
            shadow = c.copy();
        }
        INDArray weights = c.copyParameters();
        long iteration = c.iterationCount();
        List<LayerParameters> parameters = parameterMeasures.isEmpty() ? List.of() : parameters(c);
        NetworkCapture copy = shadow; // used by the worker thread only
        pipeline.submit(new PendingSnapshot(epoch, iteration, recordedLayers, parameters, () -> {
            copy.setParameters(weights);
            ActivationSnapshot s = copy.capture(probe, layerFilter, epoch, iteration, captureBatchSize);
            return parameters.isEmpty() ? s : new ActivationSnapshot(s.epoch(), s.iteration(), s.layers(), parameters);
        }, derived));
    }

    /**
     * The recorded layers' weights (copied) and gradient moments since the last record, whichever the
     * measures need; the gradient window restarts here.
     */
    private List<LayerParameters> parameters(NetworkCapture c) {
        Map<Integer, GradientMoments> moments = gradients == null ? Map.of() : gradients.moments();
        List<LayerParameters> out = new ArrayList<>();
        for (NetworkCapture.WeightedLayer w : c.weightedLayers()) {
            LayerId layer = c.layers().get(w.position());
            if (!layerFilter.test(layer)) {
                continue;
            }
            WeightMatrix weights = weightConditionNumbers ? NetworkCapture.weights(w) : null;
            GradientMoments g = moments.get(w.position());
            if (weights != null || g != null) {
                out.add(new LayerParameters(layer, weights, g));
            }
        }
        if (gradients != null) {
            gradients.reset();
        }
        accumulating = false;
        return out;
    }

    private GradientAccumulator gradientsFor(Model model) {
        if (gradients == null) {
            Map<Integer, List<String>> keys = new LinkedHashMap<>();
            for (NetworkCapture.WeightedLayer w : captureFor(model).weightedLayers()) {
                keys.put(w.position(), w.weightKeys().stream().map(k -> w.gradientPrefix() + k).toList());
            }
            gradients = new GradientAccumulator(keys);
        } else {
            captureFor(model); // one listener, one network
        }
        return gradients;
    }

    /**
     * Disk the activation dumps take per recorded epoch (0 when none are kept, or before the first
     * record), and the epochs the schedule records in {@code totalEpochs} (epoch 0 included when
     * recorded before training): their product is what a run will write.
     */
    public synchronized long dumpBytesPerEpoch() {
        return dumpBytesPerEpoch;
    }

    /** Epochs this listener records over {@code totalEpochs} of training. */
    public int recordedEpochs(int totalEpochs) {
        return schedule.epochsUpTo(totalEpochs).size() + (recordBeforeTraining ? 1 : 0);
    }

    /** Whether activations are kept on disk. */
    public boolean keepsActivations() {
        return dumps != null;
    }

    /** Time the training thread spent in this listener so far: forward passes, copies, waits for queue room. */
    public synchronized double captureSeconds() {
        return captureNanos / 1e9;
    }

    private NetworkCapture captureFor(Model model) {
        if (capture == null) {
            capture = NetworkCapture.of(model);
        } else if (capture.model() != model) {
            throw new IllegalArgumentException("this InfoPlaneListener records run '" + runName
                    + "' of another network; use one listener per network");
        }
        return capture;
    }

    private void start(NetworkCapture c, ActivationSnapshot first) {
        try {
            MeasurementPipeline.Builder pb = MeasurementPipeline.builder()
                    .runName(runName)
                    .probe(probe.labels())
                    .measures(measures)
                    .parameterMeasures(parameterMeasures)
                    .queueCapacity(queueCapacity)
                    .whenFull(whenFull);
            if (runDirectory != null) {
                pb.sink(JsonLinesTrajectoryWriter.append(runDirectory.trajectoryFile()));
                if (dumps != null) {
                    store = ActivationStore.in(runDirectory.activationsDirectory(), dumps);
                    pb.activationStore(store);
                }
            }
            extraSinks.forEach(pb::sink);
            pipeline = pb.build();
            provenance = provenance(c, first);
            if (runDirectory != null) {
                runDirectory.writeProvenance(provenance);
            }
            log.info("recording run '{}': {} layers, {} probe rows, measures {}, {}", runName, first.layers().size(),
                    probe.rows(), labels(), schedule.describe());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start recording run '" + runName + "': " + e.getMessage(), e);
        }
    }

    private RunProvenance provenance(NetworkCapture c, ActivationSnapshot first) throws IOException {
        Map<String, Object> framework = new LinkedHashMap<>();
        framework.put("dl4j", InfolensVersion.dl4j());
        framework.put("nd4jBackend", Nd4j.getBackend().getClass().getSimpleName());
        framework.put("dataType", Nd4j.dataType().toString());
        framework.put("blas", Nd4j.factory().blas().getBlasVendor().toString());
        JsonNode network = Json.mapper().readTree(c.configurationJson());

        Map<String, Object> probeInfo = new LinkedHashMap<>();
        probeInfo.put("rows", probe.rows());
        probeInfo.put("shapes", probe.shapes());
        probeInfo.put("classes", probe.labels().classes());
        probeInfo.put("distinctInputs", probe.labels().distinctInputs());
        probeInfo.put("sha256", probe.sha256());

        Map<String, Long> allSeeds = new LinkedHashMap<>();
        allSeeds.put("network", c.seed());
        allSeeds.putAll(seeds);

        List<Map<String, Object>> measureInfo = new ArrayList<>();
        measures.forEach(m -> measureInfo.add(RunProvenance.measureEntry(m.name(), m.label(), m.parameters())));
        parameterMeasures.forEach(m -> measureInfo.add(RunProvenance.measureEntry(m.name(), m.label(), m.parameters())));
        Map<String, Object> recording = new LinkedHashMap<>();
        recording.put("schedule", schedule.describe());
        recording.put("recordBeforeTraining", recordBeforeTraining);
        recording.put("recordTraining", recordTraining);
        recording.put("layerFilter", layerFilterDescription);
        recording.put("layers", first.layers().stream().map(l -> l.layer()).toList());
        recording.put("captureOn", captureOnWorker ? "worker (a copy of the network)" : "training thread");
        recording.put("queueCapacity", queueCapacity);
        recording.put("whenFull", whenFull.toString().toLowerCase(java.util.Locale.ROOT));
        recording.put("snapshotBytes", first.bytes());
        recording.put("keepActivations", dumps != null);
        if (dumps != null) {
            recording.put("activationDumps", dumps);
        }
        return RunProvenance.started(runName, Instant.now()).withFramework(framework).withNetwork(network).withDataset(dataset)
                .withProbe(probeInfo).withSeeds(allSeeds).withMeasures(measureInfo).withRecording(recording).withSettings(settings)
                .withLaunch(launch);
    }

    /** Adds an outcome of the run (final accuracy, training time) to run.json's summary at close. */
    public synchronized void putResult(String name, Object value) {
        results.put(name, value);
    }

    /** Counts so far (all zero before the first recorded epoch). */
    public PipelineSummary summary() {
        return pipeline == null ? new PipelineSummary(0, 0, 0, 0, 0, 0, 0, 0) : pipeline.summary();
    }

    /**
     * Waits for every queued estimate, runs second passes, closes the trajectory, finishes run.json
     * and draws the figures. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pipeline == null) {
            log.warn("run '{}' recorded no epoch: nothing to close (was the listener attached, and did fit(iterator) run?)", runName);
            return;
        }
        pipeline.close();
        PipelineSummary s = pipeline.summary();
        if (runDirectory != null) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("recordedEpochs", s.submitted());
            summary.put("skippedEpochs", s.skipped());
            summary.put("okRecords", s.okRecords());
            summary.put("errorRecords", s.errorRecords());
            summary.put("skippedRecords", s.skippedRecords());
            summary.put("maxQueued", s.maxQueued());
            summary.put("measureSeconds", s.measureSeconds());
            summary.put("captureSeconds", captureNanos / 1e9);
            summary.putAll(results);
            try {
                runDirectory.writeProvenance(provenance.finish(RunStatus.FINISHED, Instant.now(), summary));
            } catch (IOException e) {
                log.error("cannot finish {}: {}", runDirectory.provenanceFile(), e.getMessage());
            }
            if (drawFigures) {
                try {
                    RunFigures.draw(runDirectory);
                } catch (IOException | RuntimeException e) {
                    log.error("cannot draw the figures of run '{}': {}", runName, e.getMessage());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "InfoPlaneListener[run=" + runName + ", probe=" + probe + ", schedule=" + schedule.describe()
                + ", recordBeforeTraining=" + recordBeforeTraining + ", measures=" + labels()
                + ", layers=" + layerFilterDescription + ", output=" + (runDirectory == null ? "custom sinks" : runDirectory.root())
                + ", queueCapacity=" + queueCapacity + ", whenFull=" + whenFull + "]";
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>(measures.stream().map(Measure::label).toList());
        parameterMeasures.forEach(m -> labels.add(m.label()));
        return labels;
    }

    /** Configuration in DL4J's listener style; validated in {@link #build()}. */
    public static final class Builder {
        private ProbeSet probe;
        private EpochSchedule schedule = EpochSchedule.everyEpoch();
        private final List<Measure> measures = new ArrayList<>();
        private Predicate<LayerId> layerFilter = l -> true;
        private String layerFilterDescription = "all layers";
        private boolean recordBeforeTraining;
        private boolean recordTraining;
        private Path outputDirectory;
        private final List<TrajectorySink> sinks = new ArrayList<>();
        private ActivationDumps dumps;
        private boolean drawFigures = true;
        private int queueCapacity = 2;
        private WhenFull whenFull = WhenFull.WAIT;
        private int captureBatchSize = 2048;
        private boolean captureOnWorker = true;
        private String runName;
        private final Map<String, Object> dataset = new LinkedHashMap<>();
        private final Map<String, Long> seeds = new LinkedHashMap<>();
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private Map<String, Object> launch;
        private IntervalSettings intervals;
        private boolean weightConditionNumbers;
        private boolean gradientSignalToNoise;

        private Builder() {
        }

        /** The fixed probe rows (required). */
        public Builder probe(ProbeSet probe) {
            this.probe = probe;
            return this;
        }

        /** When to record (default: every epoch). */
        public Builder schedule(EpochSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * Adds confidence intervals to every measure (off by default: resampling multiplies the
         * estimation work by 10 to 100).
         */
        public Builder confidenceIntervals(IntervalSettings settings) {
            this.intervals = settings;
            return this;
        }

        /** Adds a measure (at least one is required, unless a parameter measure below is on). */
        public Builder measure(Measure measure) {
            this.measures.add(measure);
            return this;
        }

        public Builder measures(List<? extends Measure> measures) {
            this.measures.addAll(measures);
            return this;
        }

        /**
         * Also records the condition number of every recorded layer's weight matrix ({@code weight-condition};
         * default off). Copies the weights at each recorded epoch.
         */
        public Builder weightConditionNumbers(boolean record) {
            this.weightConditionNumbers = record;
            return this;
        }

        /**
         * Also records every recorded layer's gradient signal-to-noise ratio over each recorded epoch
         * ({@code gradient-snr}; default off). Costs, during recorded epochs only, three double copies
         * of the weights in memory and four in-place array operations per iteration.
         */
        public Builder gradientSignalToNoise(boolean record) {
            this.gradientSignalToNoise = record;
            return this;
        }

        private List<ParameterMeasure> parameterMeasures() {
            List<ParameterMeasure> out = new ArrayList<>();
            if (weightConditionNumbers) {
                out.add(new WeightConditionNumber());
            }
            if (gradientSignalToNoise) {
                out.add(new GradientSignalToNoise());
            }
            return out;
        }

        /** Which layers to record (default: all, the output layer included). */
        public Builder layers(Predicate<LayerId> filter, String description) {
            this.layerFilter = filter;
            this.layerFilterDescription = description;
            return this;
        }

        /** Also record before the first epoch (epoch 0). */
        public Builder recordBeforeTraining(boolean record) {
            this.recordBeforeTraining = record;
            return this;
        }

        /**
         * Also writes a {@code training} record per recorded epoch (default off): the mean minibatch
         * loss since the previous record and, when the output layer is recorded, the probe accuracy;
         * the figures draw them beside the measures.
         */
        public Builder recordTraining(boolean record) {
            this.recordTraining = record;
            return this;
        }

        /** Writes run.json, trajectory.jsonl and figures/ here. */
        public Builder outputDirectory(Path directory) {
            this.outputDirectory = directory;
            return this;
        }

        /** Also (or only) send records here. */
        public Builder sink(TrajectorySink sink) {
            this.sinks.add(sink);
            return this;
        }

        /** Keep every recorded epoch's activations as .npy under activations/ (default off). */
        public Builder keepActivations(boolean keep) {
            this.dumps = keep ? ActivationDumps.ALL : null;
            return this;
        }

        /** Keep recorded epochs' activations under activations/, all or a subset of rows and columns (null = none). */
        public Builder activationDumps(ActivationDumps keep) {
            this.dumps = keep;
            return this;
        }

        /** Draw figures when closed (default on; needs an output directory). */
        public Builder drawFigures(boolean draw) {
            this.drawFigures = draw;
            return this;
        }

        /** Snapshots that may wait for the measures (default 2): memory is bounded by (this + 1) snapshots. */
        public Builder queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /** When the queue is full: wait (default) or skip the epoch with a "skipped" record. */
        public Builder whenFull(WhenFull policy) {
            this.whenFull = policy;
            return this;
        }

        /**
         * Run the probe's forward pass on the measurement worker, through a copy of the network given a
         * copy of the weights (default), or on the training thread. The first recorded epoch is always
         * captured on the training thread. Off for networks DL4J cannot clone.
         */
        public Builder captureOnWorker(boolean onWorker) {
            this.captureOnWorker = onWorker;
            return this;
        }

        /** Probe rows per forward pass (default 2048). */
        public Builder captureBatchSize(int rows) {
            this.captureBatchSize = rows;
            return this;
        }

        /** The run's name in records (default: the output directory's name). */
        public Builder runName(String name) {
            this.runName = name;
            return this;
        }

        /** What the network trains on, for run.json (name, source, sizes, hash...). */
        public Builder dataset(Map<String, ?> description) {
            this.dataset.putAll(description);
            return this;
        }

        /** A seed used by the run, for run.json (the network's own seed is added automatically). */
        public Builder seed(String purpose, long seed) {
            this.seeds.put(purpose, seed);
            return this;
        }

        /** The experiment's options, for run.json. */
        public Builder settings(Map<String, ?> options) {
            this.settings.putAll(options);
            return this;
        }

        /**
         * How the run was launched, for run.json ({@code launch}): what launching it again takes, as a
         * bundled experiment writes it (its name and every option with its value); null for none.
         */
        public Builder launch(Map<String, ?> howLaunched) {
            this.launch = howLaunched == null ? null : new LinkedHashMap<>(howLaunched);
            return this;
        }

        public InfoPlaneListener build() {
            if (probe == null) {
                throw new IllegalArgumentException("InfoPlaneListener needs a probe set: probe(ProbeSet.of(features, labels))");
            }
            MeasurementPipeline.checkSettings(measures, parameterMeasures(), queueCapacity, whenFull);
            if (outputDirectory == null && sinks.isEmpty()) {
                throw new IllegalArgumentException("InfoPlaneListener needs an output directory or a trajectory sink");
            }
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(layerFilter, "layer filter");
            if (captureBatchSize < 1) {
                throw new IllegalArgumentException("capture batch size must be >= 1, got " + captureBatchSize);
            }
            if (dumps != null && outputDirectory == null) {
                throw new IllegalArgumentException("keepActivations needs an output directory");
            }
            return new InfoPlaneListener(this);
        }
    }
}
