package org.infolens.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.io.ActivationStore;
import org.infolens.measure.Measure;
import org.infolens.measure.ParameterMeasure;
import org.infolens.pipeline.MeasurementPipeline;
import org.infolens.pipeline.MeasurementSettings;
import org.infolens.pipeline.PendingSnapshot;
import org.infolens.pipeline.PipelineSummary;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunLock;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.Json;
import org.infolens.trajectory.JsonLinesTrajectoryWriter;
import org.infolens.trajectory.TrajectorySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recorded run, whatever trains the network: the measurement pipeline, the run directory, run.json
 * written at the start and finished at the end with the run's counts and results, and the work done at
 * close. A framework adapter (the DL4J listener, a hand-written training loop) drives it:
 * <ol>
 *   <li>{@link #admits} an epoch to record, then captures its activations;</li>
 *   <li>{@link #start} with the first epoch's snapshot and what it knows of the network ({@link RunStart}):
 *       the pipeline starts and run.json is written, status running;</li>
 *   <li>{@link #submit} each recorded epoch (captured already, or to be captured on the worker);</li>
 *   <li>{@link #close}: waits for every estimate, finishes run.json and runs the close hooks.</li>
 * </ol>
 * Thread-safe; not Serializable (it owns a worker thread and open files).
 */
public final class RunSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunSession.class);

    private final SessionSettings settings;
    private final RunDirectory runDirectory; // null when writing to custom sinks only
    private final Map<String, Object> results = new LinkedHashMap<>();
    private volatile MeasurementPipeline pipeline; // read unlocked by summary(): progress bars poll it while an epoch waits for room
    private RunProvenance provenance;
    private List<LayerId> layers;
    private long dumpBytesPerEpoch;
    private int lastEpoch = -1;
    private long captureNanos;
    private boolean closed;
    private RunLock lock; // the run directory's, held from start to close
    private Thread exitHook; // finishes the run if the JVM exits before close(), registered from start to close

    public RunSession(SessionSettings settings) {
        this.settings = settings;
        this.runDirectory = settings.outputDirectory() == null ? null : new RunDirectory(settings.outputDirectory());
    }

    public static Builder builder() {
        return new Builder();
    }

    public SessionSettings settings() {
        return settings;
    }

    public String name() {
        return settings.runName();
    }

    /** The run directory, or null when records go to custom sinks only. */
    public RunDirectory runDirectory() {
        return runDirectory;
    }

    /** Whether {@link #start} has run: the first epoch is recorded. */
    public synchronized boolean started() {
        return pipeline != null;
    }

    /** The recorded layers, in network order (null before {@link #start}). */
    public synchronized List<LayerId> layers() {
        return layers;
    }

    /**
     * Whether {@code epoch} (completed epochs) may be recorded: the session is open and the epoch comes
     * after the last one submitted. Logs why not.
     */
    public synchronized boolean admits(int epoch) {
        if (closed) {
            log.warn("run '{}' is closed; epoch {} is not recorded", name(), epoch);
            return false;
        }
        if (epoch <= lastEpoch) {
            log.warn("epoch {} of run '{}' is already recorded (last {}); not recorded again", epoch, name(), lastEpoch);
            return false;
        }
        return true;
    }

    /**
     * Starts the run at its first recorded epoch: the pipeline (and its worker), the trajectory and
     * activation files, and run.json with status running. {@code first} is then {@link #submit}ted like
     * any other epoch.
     */
    public synchronized void start(RunStart start, ActivationSnapshot first) {
        if (pipeline != null) {
            throw new IllegalStateException("run '" + name() + "' has started already");
        }
        try {
            List<TrajectorySink> sinks = new ArrayList<>();
            ActivationStore store = null;
            if (runDirectory != null) {
                lock = RunLock.acquire(runDirectory.root(), RunDirectory.LOCK, "run '" + name() + "'"); // one writer per trajectory
                sinks.add(JsonLinesTrajectoryWriter.append(runDirectory.trajectoryFile()));
                if (settings.dumps() != null) {
                    store = ActivationStore.in(runDirectory.activationsDirectory(), settings.dumps());
                }
            }
            sinks.addAll(settings.sinks());
            pipeline = MeasurementPipeline.start(name(), start.probe(), settings.measurement(), sinks, store);
            layers = first.layers().stream().map(LayerActivations::layer).toList();
            dumpBytesPerEpoch = store == null ? 0 : store.bytesPerEpoch(first);
            provenance = provenance(start, first);
            if (runDirectory != null) {
                runDirectory.writeProvenance(provenance);
            }
            exitHook = new Thread(this::closeAtExit, "infolens-close-" + name());
            Runtime.getRuntime().addShutdownHook(exitHook);
            log.info("recording run '{}': {} layers, {} probe rows, measures {}, {}", name(), layers.size(), start.probe().size(),
                    settings.measurement().labels(), start.recording().getOrDefault("schedule", "epochs chosen by the adapter"));
        } catch (IOException e) {
            releaseLock();
            throw new UncheckedIOException("cannot start recording run '" + name() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            releaseLock();
            throw e;
        }
    }

    private void releaseLock() {
        if (lock != null) {
            lock.close();
        }
    }

    private RunProvenance provenance(RunStart start, ActivationSnapshot first) throws IOException {
        JsonNode network = start.network() == null ? null : Json.mapper().readTree(start.network());
        Map<String, Long> seeds = new LinkedHashMap<>(start.seeds());
        seeds.putAll(settings.seeds());
        MeasurementSettings m = settings.measurement();
        List<Map<String, Object>> measures = new ArrayList<>();
        for (Measure x : m.measures()) {
            measures.add(RunProvenance.measureEntry(x.name(), x.label(), x.parameters()));
        }
        for (ParameterMeasure x : m.parameterMeasures()) {
            measures.add(RunProvenance.measureEntry(x.name(), x.label(), x.parameters()));
        }
        Map<String, Object> recording = new LinkedHashMap<>(start.recording());
        recording.put("queueCapacity", m.queueCapacity());
        recording.put("whenFull", m.whenFull().toString().toLowerCase(Locale.ROOT));
        recording.put("snapshotBytes", first.bytes());
        recording.put("keepActivations", settings.dumps() != null);
        if (settings.dumps() != null) {
            recording.put("activationDumps", settings.dumps());
        }
        return RunProvenance.started(name(), Instant.now()).withFramework(start.framework()).withNetwork(network)
                .withDataset(settings.dataset()).withProbe(start.description()).withSeeds(seeds).withMeasures(measures)
                .withRecording(recording).withSettings(settings.options()).withLaunch(settings.launch());
    }

    /**
     * Hands a recorded epoch to the measures. Returns false when it was skipped (queue full under
     * {@code WhenFull.SKIP}); skipped records are then written for it.
     */
    public synchronized boolean submit(PendingSnapshot epoch) {
        if (pipeline == null) {
            throw new IllegalStateException("run '" + name() + "' has not started: start(...) it with its first epoch");
        }
        if (pipeline.writeFailure() != null && settings.stopOnWriteFailure()) {
            String why = failure();
            close(); // run.json says failed before training stops
            throw new UncheckedIOException(new IOException(why));
        }
        lastEpoch = Math.max(lastEpoch, epoch.epoch());
        return pipeline.submit(epoch);
    }

    /**
     * Why the run failed (a trajectory write failed: recording stopped, records were lost), or null.
     * The caller's exit status should say so: run.json is marked failed at close.
     */
    public String failure() {
        MeasurementPipeline p = pipeline;
        String why = p == null ? null : p.writeFailure();
        if (why == null) {
            return null;
        }
        return "run '" + name() + "' failed: " + why + "; recording stopped, " + p.lostRecords() + " records lost"
                + (p.unrecordedEpochs() > 0 ? " and " + p.unrecordedEpochs() + " epochs not recorded" : "");
    }

    /** Adds time the recording thread spent capturing and handing over epochs (run.json's captureSeconds). */
    public synchronized void addCaptureTime(long nanos) {
        captureNanos += nanos;
    }

    /** Time the recording thread spent capturing and handing over epochs so far. */
    public synchronized double captureSeconds() {
        return captureNanos / 1e9;
    }

    /** Disk the activation dumps take per recorded epoch (0 when none are kept, or before the first record). */
    public synchronized long dumpBytesPerEpoch() {
        return dumpBytesPerEpoch;
    }

    /** Whether activations are kept on disk. */
    public boolean keepsActivations() {
        return settings.dumps() != null;
    }

    /** Adds an outcome of the run (final accuracy, training time) to run.json's summary at close. */
    public synchronized void putResult(String name, Object value) {
        results.put(name, value);
    }

    /** Counts so far (all zero before the first recorded epoch). */
    public PipelineSummary summary() {
        MeasurementPipeline p = pipeline;
        return p == null ? new PipelineSummary(0, 0, 0, 0, 0, 0, 0, 0) : p.summary();
    }

    /**
     * Waits for every queued estimate, runs second passes, closes the trajectory, finishes run.json
     * and runs the close hooks. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeExitHook();
        if (pipeline == null) {
            log.warn("run '{}' recorded no epoch: nothing to close (was the listener attached, and did training run?)", name());
            return;
        }
        pipeline.close();
        if (runDirectory == null) {
            return;
        }
        try {
            finishRunDirectory();
        } finally {
            lock.close();
        }
    }

    /**
     * What the JVM does at exit with a run never closed: the measurement worker is a daemon thread, so
     * without this the queued epochs were lost and run.json said "running" for ever. Drains, finishes
     * run.json and runs the close hooks, with a warning, since close() should have done it.
     */
    void closeAtExit() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        PipelineSummary s = summary();
        log.warn("run '{}' was not closed: finishing it as the JVM exits ({} recorded epochs not yet measured); close() the listener "
                + "or session (try-with-resources) so that it ends with training", name(), s.submitted() - s.skipped() - s.measured());
        close();
    }

    private void removeExitHook() {
        if (exitHook == null || Thread.currentThread() == exitHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException alreadyExiting) {
            // the JVM is exiting: the hook runs and finds the run closed
        }
    }

    /** run.json's end and the close hooks, while the lock is still held. */
    private void finishRunDirectory() {
        PipelineSummary s = pipeline.summary();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("recordedEpochs", s.submitted());
        summary.put("skippedEpochs", s.skipped());
        summary.put("okRecords", s.okRecords());
        summary.put("errorRecords", s.errorRecords());
        summary.put("skippedRecords", s.skippedRecords());
        summary.put("maxQueued", s.maxQueued());
        summary.put("measureSeconds", s.measureSeconds());
        summary.put("captureSeconds", captureSeconds());
        summary.putAll(results);
        String failure = failure();
        if (failure != null) {
            summary.put("failure", failure);
            summary.put("lostRecords", pipeline.lostRecords());
            summary.put("unrecordedEpochs", pipeline.unrecordedEpochs());
        }
        try {
            runDirectory.writeProvenance(provenance.finish(failure == null ? RunStatus.FINISHED : RunStatus.FAILED, Instant.now(), summary));
        } catch (IOException e) {
            log.error("cannot finish {}: {}", runDirectory.provenanceFile(), e.getMessage());
        }
        for (CloseHook hook : settings.closeHooks()) {
            try {
                hook.afterClose(runDirectory);
            } catch (IOException | RuntimeException e) {
                log.error("closing run '{}': {}", name(), e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "RunSession[run=" + name() + ", measures=" + settings.measurement().labels() + ", output="
                + (runDirectory == null ? "custom sinks" : runDirectory.root()) + ", queueCapacity=" + settings.measurement().queueCapacity()
                + ", whenFull=" + settings.measurement().whenFull() + "]";
    }

    /** A session's configuration; validated in {@link #build()}. */
    public static final class Builder extends SessionSettings.Builder<Builder> {

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public RunSession build() {
            return new RunSession(sessionSettings());
        }
    }
}
