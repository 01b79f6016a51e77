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

    private final RunSession session;
    private final CaptureSettings settings;
    private final ProbeSet probe;
    private final ParameterCapture parameters; // null without parameter measures

    private NetworkCapture capture;
    private NetworkCapture shadow;  // a copy of the network the worker captures from
    private boolean epochCallbacks; // fit(iterator) fires them; a manual loop does not
    private double lossSum;         // minibatch scores since the epoch started (or the previous record), for the training record
    private int lossCount;

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

    /** Records the untrained network as epoch 0 now, when this listener records before training and has not yet. */
    public void recordInitialState(Model model) {
        if (settings.recordBeforeTraining() && !session.started() && captureFor(model).epochCount() == 0) {
            record(model, 0);
        }
    }

    @Override
    public void onEpochStart(Model model) {
        recordInitialState(model);
        epochCallbacks = true;
        lossSum = 0;
        lossCount = 0;
        if (parameters != null) {
            // the schedule knows in advance which epochs end in a record: only those pay for accumulation
            NetworkCapture c = captureFor(model);
            parameters.epochStarts(c, settings.schedule().shouldRecord(c.epochCount() + 1));
        }
    }

    /** Fires after backpropagation and before the updater: the raw minibatch gradient. */
    @Override
    public void onGradientCalculation(Model model) {
        if (parameters != null) {
            parameters.gradient(captureFor(model), model, epochCallbacks);
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (settings.recordTraining()) {
            lossSum += model.score();
            lossCount++;
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        // DL4J increments its epoch counter after this callback: the epoch just finished is count + 1.
        int completed = captureFor(model).epochCount() + 1;
        if (settings.schedule().shouldRecord(completed)) {
            record(model, completed);
        }
    }

    /**
     * Captures the probe activations now and queues them for the measures, recorded as {@code epoch}
     * (completed epochs). For training loops without epoch callbacks; also used by the callbacks.
     */
    public synchronized void record(Model model, int epoch) {
        if (!session.admits(epoch)) {
            return;
        }
        long t0 = System.nanoTime();
        NetworkCapture c = captureFor(model);
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
            ActivationSnapshot snapshot = c.capture(probe, settings.layerFilter(), epoch, settings.captureBatchSize());
            if (snapshot.layers().isEmpty()) {
                throw new IllegalArgumentException("the layer filter (" + settings.layerFilterDescription() + ") keeps none of the layers "
                        + c.layers().stream().map(LayerId::name).toList());
            }
            if (parameters != null) {
                snapshot = new ActivationSnapshot(snapshot.epoch(), snapshot.iteration(), snapshot.layers(),
                        parameters.take(c, settings.layerFilter()));
            }
            if (!session.started()) {
                session.start(runStart(c, snapshot), snapshot);
            }
            session.submit(PendingSnapshot.of(snapshot, derived));
        }
        session.addCaptureTime(System.nanoTime() - t0);
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
        session.resume(c.epoch());
        capture = null;
        Model net = c.network();
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
        return s -> TrainingRecord.of(session.name(), s, loss, minibatches, probe.labels()).stream().toList();
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
        recording.put("recordTraining", settings.recordTraining());
        recording.put("layerFilter", settings.layerFilterDescription());
        recording.put("layers", first.layers().stream().map(LayerActivations::layer).toList());
        recording.put("captureOn", settings.captureOnWorker() ? "worker (a copy of the network)" : "training thread");
        return new RunStart(probe.labels(), probe.describe(), NetworkCapture.framework(), c.configurationJson(), Map.of("network", c.seed()),
                recording);
    }

    /** Epochs this listener records over {@code totalEpochs} of training. */
    public int recordedEpochs(int totalEpochs) {
        return settings.schedule().epochsUpTo(totalEpochs).size() + (settings.recordBeforeTraining() ? 1 : 0);
    }

    private NetworkCapture captureFor(Model model) {
        if (capture == null) {
            capture = NetworkCapture.of(model);
        } else if (capture.model() != model) {
            throw new IllegalArgumentException("this InfoPlaneListener records run '" + session.name()
                    + "' of another network; use one listener per network");
        }
        return capture;
    }

    /** Waits for every queued estimate, finishes run.json and runs the close hooks ({@link RunSession#close()}). Idempotent. */
    @Override
    public synchronized void close() {
        session.close();
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
