package org.infolens.dl4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerParameters;
import org.infolens.pipeline.PendingSnapshot;
import org.infolens.session.RunSession;
import org.infolens.session.RunStart;
import org.infolens.session.SessionSettings;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryRecord;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Records every layer's activations on a fixed probe set at scheduled epochs of a DL4J network and
 * hands them to a {@link RunSession}, which measures them off the training thread and writes the run.
 * Attach it to a MultiLayerNetwork or ComputationGraph, train with {@code fit(iterator, epochs)}, then
 * {@link #close()} it: that waits for the estimates, finishes run.json and runs the close hooks.
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
 * Not Serializable: its session owns a worker thread and open files; record on the driver.
 *
 * <p>Besides the probe capture it keeps what the session's records need from training: the mean
 * minibatch loss since the previous record (the training record) and, for the parameter measures, the
 * weights and the minibatch gradients ({@link ParameterCapture}).
 */
public final class InfoPlaneListener extends BaseTrainingListener implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InfoPlaneListener.class);

    private final RunSession session;
    private final CaptureSettings settings;
    private final ProbeSet probe;
    private final ParameterCapture parameters; // null without parameter measures

    private NetworkCapture capture;
    private NetworkCapture shadow;  // a copy of the network the worker captures from
    private boolean epochCallbacks; // fit(iterator) fires them; a manual loop does not
    private double lossSum;         // minibatch scores since the epoch started (or the previous record), for the training record
    private int lossCount;
    private int epochOffset;           // epochs the network had trained when this listener first saw it (a restored model's)
    private INDArray initialParameters; // the weights before the first minibatch, when epoch 0 is due but no epoch callback fires
    private boolean outsideScheduleLogged;
    private long epochRows;            // rows trained in the first epoch (minibatch sizes), for the probe-size warning
    private int trainedEpochs;         // epochs ended while attached
    private long firstEpochStart;      // System.nanoTime() at the first epoch start, 0 before
    private long lastEpochEnd;
    private boolean closed;
    private volatile org.infolens.data.Probe runProbe; // the probe's labels as the estimators read them (per head of a multi-output graph), from the first capture

    private InfoPlaneListener(CaptureSettings settings, SessionSettings run) {
        if (settings.checkpoints() && run.outputDirectory() == null) {
            throw new IllegalArgumentException("checkpoints(true) needs an output directory: the checkpoint is written beside the trajectory");
        }
        this.session = new RunSession(run);
        this.settings = settings;
        this.probe = settings.probe();
        this.parameters = run.measurement().parameterMeasures().isEmpty() ? null : new ParameterCapture(run.measurement());
        if (settings.checkpoints()) { // a written epoch needs no checkpoint before it: the one at it covers a resume
            java.nio.file.Path dir = run.outputDirectory();
            session.onEpochWritten(epoch -> {
                try {
                    Checkpoint.deleteBefore(dir, epoch);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot delete old checkpoints in " + Checkpoint.directory(dir), e);
                }
            });
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The run this listener records: run directory, counts, results for run.json. */
    public RunSession session() {
        return session;
    }

    /**
     * Records the network as it is now as epoch 0, when this listener records before training and has
     * not recorded yet. A restored (or already trained) network's epoch 0 is its state when this
     * listener first sees it: epochs are counted from there.
     */
    public void recordInitialState(Model model) {
        if (settings.recordBeforeTraining() && !session.started() && completedEpochs(captureFor(model)) == 0) {
            record(model, 0);
        }
    }

    /** Completed epochs since this listener first saw the network (DL4J's count minus the network's count then). */
    private int completedEpochs(NetworkCapture c) {
        return c.epochCount() - epochOffset;
    }

    @Override
    public void onEpochStart(Model model) {
        if (firstEpochStart == 0) {
            firstEpochStart = System.nanoTime();
        }
        recordInitialState(model);
        epochCallbacks = true;
        lossSum = 0;
        lossCount = 0;
        if (parameters != null) {
            // the schedule knows in advance which epochs end in a record: only those pay for accumulation
            NetworkCapture c = captureFor(model);
            parameters.epochStarts(c, settings.schedule().shouldRecord(completedEpochs(c) + 1));
        }
    }

    /** Fires after backpropagation and before the updater: the raw minibatch gradient. */
    @Override
    public void onGradientCalculation(Model model) {
        if (settings.recordBeforeTraining() && !epochCallbacks && !session.started() && initialParameters == null) {
            // a manual loop (fit(DataSet)) fires no epoch start: keep the weights before this first update for epoch 0
            initialParameters = captureFor(model).copyParameters();
        }
        if (parameters != null) {
            parameters.gradient(captureFor(model), model, epochCallbacks);
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (trainedEpochs == 0 && epochCallbacks) {
            epochRows += model.batchSize();
        }
        if (settings.recordTraining()) {
            lossSum += model.score();
            lossCount++;
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        trainedEpochs++;
        lastEpochEnd = System.nanoTime();
        // DL4J increments its epoch counter after this callback: the epoch just finished is count + 1.
        int completed = completedEpochs(captureFor(model)) + 1;
        if (settings.schedule().shouldRecord(completed)) {
            record(model, completed);
        }
    }

    /**
     * Captures the probe activations now and queues them for the measures, recorded as {@code epoch}
     * (completed epochs), when the schedule records that epoch (epoch 0: when recording before training),
     * as run.json says. For training loops without epoch callbacks; also used by the callbacks. Before
     * the first epoch recorded this way, epoch 0 is recorded from the weights the first minibatch
     * found, when this listener is attached ({@code net.setListeners}); unattached, call
     * {@link #recordInitialState} before training. Returns whether the epoch was recorded.
     */
    public synchronized boolean record(Model model, int epoch) {
        if (!scheduled(epoch)) {
            return false;
        }
        if (!session.admits(epoch)) {
            return false;
        }
        long t0 = System.nanoTime();
        NetworkCapture c = captureFor(model);
        if (epoch > 0 && settings.recordBeforeTraining() && !session.started()) {
            recordBeforeTraining(c, epoch);
        }
        Function<ActivationSnapshot, List<TrajectoryRecord>> derived = trainingRecord(lossCount == 0 ? Double.NaN : lossSum / lossCount,
                lossCount);
        if (settings.checkpoints()) { // before the epoch is queued: a checkpoint's epoch is always one the trajectory may lack
            writeCheckpoint(model, epoch);
        }
        lossSum = 0;
        lossCount = 0;
        if (session.started() && settings.captureOnWorker()) {
            session.submit(onWorker(c, epoch, derived));
        } else { // the first record captures here: it names the layers and starts the session
            submitCaptured(c, c, epoch, derived, true);
        }
        session.addCaptureTime(System.nanoTime() - t0);
        return true;
    }

    /**
     * How many probe rows the recorded epochs ran through the network and the estimators against the
     * rows trained (run.json's summary), or -1 without epoch callbacks (the training set is unknown).
     * Large, the listener's work is of the order of the training it watches: a small training set
     * recorded every epoch with a probe as large (see README for a measurement).
     */
    private double probeSize() {
        long recorded = session.summary().submitted();
        if (epochRows <= 0 || trainedEpochs == 0 || recorded == 0) {
            return -1;
        }
        double ratio = probe.rows() * (double) recorded / (epochRows * (double) trainedEpochs);
        session.putResult("trainingRowsPerEpoch", epochRows);
        session.putResult("probeRowsPerTrainingRow", ratio);
        return ratio;
    }

    /** The warning of a large probe, after close: with the run's own capture, estimate and training times. */
    private void warnOfProbeSize(double ratio) {
        if (ratio >= PROBE_WARNING_RATIO) {
            log.warn(String.format(java.util.Locale.ROOT, "run '%s': the probe's %d rows at %d recorded epochs are %d%% of the %d rows x %d "
                    + "epochs trained: the listener's work grows with them (here %.2f s capturing on the training thread and %.2f s "
                    + "estimating, against %.2f s of training); record fewer epochs (schedule: %s) or use a smaller probe", session.name(),
                    probe.rows(), session.summary().submitted(), Math.round(100 * ratio), epochRows, trainedEpochs, session.captureSeconds(),
                    session.summary().measureSeconds(), (lastEpochEnd - firstEpochStart) / 1e9, settings.schedule().describe()));
        }
    }

    /** Probe rows recorded over rows trained from which {@link #warnOfProbeSize} warns. */
    static final double PROBE_WARNING_RATIO = 0.5;

    /** Whether the schedule records {@code epoch}; says so once when a manual record falls outside it. */
    private boolean scheduled(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("recorded epochs are completed epochs (0 before training), got " + epoch);
        }
        boolean in = epoch == 0 ? settings.recordBeforeTraining() : settings.schedule().shouldRecord(epoch);
        if (!in) {
            String why = epoch == 0 ? "recordBeforeTraining is off" : "the schedule (" + settings.schedule().describe() + ") leaves it out";
            if (!outsideScheduleLogged) {
                outsideScheduleLogged = true;
                log.info("run '{}': epoch {} not recorded: {}; record(net, epoch) follows the schedule run.json states", session.name(), epoch,
                        why);
            } else {
                log.debug("run '{}': epoch {} not recorded: {}", session.name(), epoch, why);
            }
        }
        return in;
    }

    /** Epoch 0 late, from a copy given the weights before the first minibatch; or a warning when they were never seen. */
    private void recordBeforeTraining(NetworkCapture c, int firstEpoch) {
        if (initialParameters == null) {
            log.warn("run '{}' records before training, but its first record is epoch {} and the network was not seen before training: "
                    + "no epoch 0. Attach the listener (net.setListeners) or call listener.recordInitialState(net) before the loop",
                    session.name(), firstEpoch);
            return;
        }
        NetworkCapture before = c.copy();
        before.setParameters(initialParameters);
        initialParameters = null;
        submitCaptured(before, c, 0, trainingRecord(Double.NaN, 0), false);
    }

    /** Captures {@code from} on this thread and submits it, starting the session at the first epoch; {@code c} is the trained network. */
    private void submitCaptured(NetworkCapture from, NetworkCapture c, int epoch, Function<ActivationSnapshot, List<TrajectoryRecord>> derived,
                                boolean withGradients) {
        ActivationSnapshot snapshot = from.capture(probe, settings.layerFilter(), epoch, c.iterationCount(), settings.captureBatchSize());
        if (snapshot.layers().isEmpty()) {
            throw new IllegalArgumentException("the layer filter (" + settings.layerFilterDescription() + ") keeps none of the layers "
                    + from.layers().stream().map(LayerId::name).toList());
        }
        c.adoptLayers(from);
        if (parameters != null) {
            snapshot = new ActivationSnapshot(snapshot.epoch(), snapshot.iteration(), snapshot.layers(),
                    parameters.take(from, settings.layerFilter(), withGradients));
        }
        if (!session.started()) {
            runProbe = probe.labelsFor(c.outputNames(), snapshot.layers().stream().map(l -> l.layer().head())
                    .filter(java.util.Objects::nonNull).distinct().toList());
            session.start(runStart(c, snapshot), snapshot);
        }
        session.submit(PendingSnapshot.of(snapshot, derived));
    }

    private void writeCheckpoint(Model model, int epoch) {
        try {
            java.nio.file.Files.createDirectories(session.runDirectory().root());
            Checkpoint.write(model, session.runDirectory().root(), epoch, lossSum, lossCount);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the checkpoint of epoch " + epoch + " of run '" + session.name() + "' to "
                    + Checkpoint.directory(session.runDirectory().root()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Continues the run in {@code directory} (this listener's output directory) from its checkpoint:
     * returns the network restored there, updater state included, with its epoch counter at the
     * checkpoint's epoch. That epoch is recorded again from it now (the trajectory keeps the epochs
     * before it, so none appears twice); train the returned network for the remaining epochs with this
     * listener attached, and the run goes on in the same trajectory and run.json. The checkpoint is
     * written when the run was recorded with {@code checkpoints(true)}.
     */
    public synchronized Checkpoint resume(java.nio.file.Path directory) throws java.io.IOException {
        if (session.runDirectory() == null
                || !session.runDirectory().root().toAbsolutePath().normalize().equals(directory.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("resume(" + directory + "): this listener writes to "
                    + (session.runDirectory() == null ? "custom sinks" : session.runDirectory().root()) + "; build it with outputDirectory("
                    + directory + ")");
        }
        if (session.started()) {
            throw new IllegalStateException("run '" + session.name() + "' has started already: resume before training");
        }
        Checkpoint c = Checkpoint.read(directory);
        // epochs go on being counted as the interrupted run counted them, not from the restored network
        Object before = session.runDirectory().readProvenance().recording().get("epochsBeforeAttachment");
        session.resume(c.epoch());
        Model net = c.network();
        attach(net);
        epochOffset = before instanceof Number n ? n.intValue() : 0;
        lossSum = c.lossSum();
        lossCount = c.lossCount();
        record(net, c.epoch());
        return c;
    }

    /** The training record of an epoch (loss since the previous record, probe accuracy), made from its activations when asked for. */
    private Function<ActivationSnapshot, List<TrajectoryRecord>> trainingRecord(double loss, int minibatches) {
        if (!settings.recordTraining()) {
            return s -> List.of();
        }
        return s -> {
            org.infolens.data.Probe p = runProbe; // set by the first capture, before any record is made
            return p.heads().isEmpty() ? TrainingRecord.of(session.name(), s, loss, minibatches, p).stream().toList()
                    : TrainingRecord.perHead(session.name(), s, loss, minibatches, p);
        };
    }

    /**
     * The epoch with a copy of the weights; the worker runs the probe through a copy of the network.
     * The training thread pays for copying the weights instead of a forward pass of the whole probe
     * (about 6 % of an epoch for a 10,000-image probe against 60,000 training images).
     */
    private PendingSnapshot onWorker(NetworkCapture c, int epoch, Function<ActivationSnapshot, List<TrajectoryRecord>> derived) {
        if (shadow == null) {
            shadow = c.copy();
        }
        INDArray weights = c.copyParameters();
        long iteration = c.iterationCount();
        List<LayerParameters> params = parameters == null ? List.of() : parameters.take(c, settings.layerFilter());
        NetworkCapture copy = shadow; // used by the worker thread only
        return new PendingSnapshot(epoch, iteration, session.layers(), params, () -> {
            copy.setParameters(weights);
            ActivationSnapshot s = copy.capture(probe, settings.layerFilter(), epoch, iteration, settings.captureBatchSize());
            return params.isEmpty() ? s : new ActivationSnapshot(s.epoch(), s.iteration(), s.layers(), params);
        }, derived);
    }

    /** What run.json says of the network, the probe and this listener's way of recording. */
    private RunStart runStart(NetworkCapture c, ActivationSnapshot first) {
        Map<String, Object> recording = new LinkedHashMap<>();
        recording.put("schedule", settings.schedule().describe());
        recording.put("recordBeforeTraining", settings.recordBeforeTraining());
        if (epochOffset > 0) { // epochs are counted from attachment: a restored network's saved count
            recording.put("epochsBeforeAttachment", epochOffset);
        }
        recording.put("recordTraining", settings.recordTraining());
        recording.put("layerFilter", settings.layerFilterDescription());
        recording.put("layers", first.layers().stream().map(LayerActivations::layer).toList());
        if (!runProbe.heads().isEmpty()) {
            recording.put("heads", List.copyOf(runProbe.heads()));
        }
        recording.put("captureOn", settings.captureOnWorker() ? "worker (a copy of the network)" : "training thread");
        return new RunStart(runProbe, probe.describe(), NetworkCapture.framework(), c.configurationJson(), Map.of("network", c.seed()),
                recording);
    }

    /** Epochs this listener records over {@code totalEpochs} of training. */
    public int recordedEpochs(int totalEpochs) {
        return settings.schedule().epochsUpTo(totalEpochs).size() + (settings.recordBeforeTraining() ? 1 : 0);
    }

    private void attach(Model model) {
        capture = NetworkCapture.of(model);
        capture.sequenceViews(settings::sequenceView);
        warnIfUnfenced();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean UNFENCED_WARNED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Once per JVM: ND4J's plain CPU executioner can crash a long run (see {@link FencedOpExecutioner}),
     * and this listener's worker makes the GCs that trigger it more frequent. By class name, so that a
     * JVM without the CPU backend never loads FencedOpExecutioner.
     */
    private static void warnIfUnfenced() {
        if ("org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner".equals(org.nd4j.linalg.factory.Nd4j.getExecutioner().getClass().getName())
                && UNFENCED_WARNED.compareAndSet(false, true)) {
            log.warn("ND4J runs its plain CPU executioner, which can free an op's buffer while libnd4j reads it when a GC strikes (a SIGSEGV "
                    + "in DataBuffer::primary, DL4J issue #9278; this listener's worker makes GCs more frequent): start the JVM with -D"
                    + FencedOpExecutioner.PROPERTY + "=org.infolens.dl4j.FencedOpExecutioner");
        }
    }

    private NetworkCapture captureFor(Model model) {
        if (capture == null) {
            attach(model);
            epochOffset = capture.epochCount();
            if (epochOffset > 0) {
                log.warn("run '{}': the network has trained {} epochs already (restored or trained before): epochs are counted from "
                        + "now, epoch 0 is its state now and the schedule's epoch 1 the next one (run.json recording.epochsBeforeAttachment)",
                        session.name(), epochOffset);
            }
        } else if (capture.model() != model) {
            throw new IllegalArgumentException("this InfoPlaneListener records run '" + session.name()
                    + "' of another network; use one listener per network");
        }
        return capture;
    }

    /** Waits for every queued estimate, finishes run.json and runs the close hooks ({@link RunSession#close()}). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        double probeSize = session.started() ? probeSize() : -1; // into run.json's summary, written at close
        session.close();
        warnOfProbeSize(probeSize);
    }

    @Override
    public String toString() {
        return "InfoPlaneListener[probe=" + probe + ", schedule=" + settings.schedule().describe() + ", recordBeforeTraining="
                + settings.recordBeforeTraining() + ", layers=" + settings.layerFilterDescription() + ", " + session + "]";
    }

    /** Configuration in DL4J's listener style: the capture's and the run's settings; validated in {@link #build()}. */
    public static final class Builder extends CaptureSettings.Builder<Builder> {

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public InfoPlaneListener build() {
            CaptureSettings capture = captureSettings();
            return new InfoPlaneListener(capture, sessionSettings());
        }
    }
}
