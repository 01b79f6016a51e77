package org.infolens.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import org.infolens.run.ExitSignals;
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
    private int resumeFrom = -1; // the checkpoint's epoch when this session continues an earlier run (resume)
    private Thread exitHook; // the JVM exits before close(): interrupted by a signal, or close() forgotten (atExit)
    private volatile boolean interrupted;
    private java.util.function.IntConsumer epochWritten; // set before start, handed to the pipeline

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
     * Makes this session continue the run already in its run directory from {@code epoch}, a checkpoint's
     * epoch: at {@link #start} its trajectory keeps the records of the epochs before {@code epoch} (the
     * checkpoint's own epoch, and any later one an interrupted process wrote, is recorded again from the
     * restored network, so no epoch appears twice), and run.json goes on as the same run, status running,
     * the resumption listed in recording's {@code resumed}. Call before the first recorded epoch.
     */
    public synchronized void resume(int epoch) {
        if (runDirectory == null) {
            throw new IllegalStateException("run '" + name() + "' writes to custom sinks only: there is no run directory to resume");
        }
        if (pipeline != null) {
            throw new IllegalStateException("run '" + name() + "' has started already: resume before the first recorded epoch");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("cannot resume run '" + name() + "' from epoch " + epoch);
        }
        resumeFrom = epoch;
        lastEpoch = epoch - 1;
    }

    /**
     * Runs {@code action} on the measurement worker after each epoch's records were written (see
     * {@link MeasurementPipeline#onEpochWritten}); set before {@link #start}.
     */
    public synchronized void onEpochWritten(java.util.function.IntConsumer action) {
        if (pipeline != null) {
            throw new IllegalStateException("run '" + name() + "' has started already: set onEpochWritten before the first recorded epoch");
        }
        this.epochWritten = action;
    }

    /** The epoch this session resumes from, or -1 when it records a new run. */
    public synchronized int resumedFrom() {
        return resumeFrom;
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
                if (resumeFrom >= 0) {
                    RunDirectory.keepEpochsBefore(runDirectory.trajectoryFile(), resumeFrom);
                } else if (Files.exists(runDirectory.provenanceFile()) || Files.exists(runDirectory.trajectoryFile())) {
                    // checked under the lock: a run that finished before this one took it is protected like a live one
                    throw new IllegalArgumentException(runDirectory.root() + " already holds a run (" + runDirectory.provenanceFile().getFileName()
                            + "); record into another directory, or resume that run");
                }
                sinks.add(JsonLinesTrajectoryWriter.append(runDirectory.trajectoryFile()));
                if (settings.dumps() != null) {
                    store = ActivationStore.in(runDirectory.activationsDirectory(), settings.dumps());
                }
            }
            sinks.addAll(settings.sinks());
            pipeline = MeasurementPipeline.start(name(), start.probe(), settings.measurement(), sinks, store);
            if (epochWritten != null) {
                pipeline.onEpochWritten(epochWritten);
            }
            layers = first.layers().stream().map(LayerActivations::layer).toList();
            dumpBytesPerEpoch = store == null ? 0 : store.bytesPerEpoch(first);
            provenance = provenance(start, first);
            if (resumeFrom >= 0) {
                provenance = continued(provenance);
            }
            if (runDirectory != null) {
                runDirectory.writeProvenance(provenance);
            }
            ExitSignals.watch();
            exitHook = new Thread(this::atExit, "infolens-exit-" + name());
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

    /** The earlier run's run.json, going on: it must have recorded the same measures. */
    private RunProvenance continued(RunProvenance now) throws IOException {
        RunProvenance before = runDirectory.readProvenance();
        List<Object> was = labels(before.measures());
        List<Object> is = labels(now.measures());
        if (!was.equals(is)) {
            throw new IllegalArgumentException("cannot resume " + runDirectory.root() + ": it recorded measures " + was + ", this run records " + is);
        }
        return before.resumed(resumeFrom, Instant.now());
    }

    private static List<Object> labels(List<Map<String, Object>> measures) {
        return measures == null ? List.of() : measures.stream().map(m -> m.get("label")).toList();
    }

    /**
     * The JVM's shutdown by SIGINT or SIGTERM while the run is open: measure what is queued,
     * mark run.json interrupted and draw the figures, within {@link #INTERRUPT_GRACE_PROPERTY} seconds
     * (default 20); past that, run.json is marked interrupted with the queued epochs unmeasured and the
     * process halts, so no estimate keeps a killed process alive.
     */
    private void interruptedBySignal() {
        interrupted = true;
        long grace = Long.getLong(INTERRUPT_GRACE_PROPERTY, 20);
        PipelineSummary s = pipeline.summary();
        log.warn("run '{}' interrupted: measuring what is queued ({} epochs), then marking run.json interrupted (at most {} s)", name(),
                s.submitted() - s.skipped() - s.measured(), grace);
        Thread closer = new Thread(this::close, "infolens-drain-" + name());
        closer.start();
        try {
            closer.join(grace * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            Map<String, Object> summary = new LinkedHashMap<>(results);
            summary.put("failure", "interrupted; the queued estimates did not finish within " + grace + " s and were abandoned");
            try {
                runDirectory.writeProvenance(provenance.finish(RunStatus.INTERRUPTED, Instant.now(), summary));
            } catch (IOException e) {
                log.error("cannot finish {}: {}", runDirectory.provenanceFile(), e.getMessage());
            }
            if (lock != null) {
                lock.close();
            }
            log.error("run '{}': estimates still running {} s after the interrupt; halting", name(), grace);
            org.infolens.run.ProcessHalt.now(130);
        }
    }

    /** System property: seconds an interrupted run may spend measuring what is queued before the process halts. */
    public static final String INTERRUPT_GRACE_PROPERTY = "infolens.interruptGraceSeconds";

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
        if (closed) { // closed by an interrupt while training went on
            log.warn("run '{}' is closed; epoch {} is not recorded", name(), epoch.epoch());
            return false;
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
     * What the JVM does at exit with a run still open: the measurement worker is a daemon thread, so
     * without this the queued epochs were lost and run.json said "running" for ever. Ended by SIGINT or
     * SIGTERM, the run is interrupted ({@link #interruptedBySignal}); otherwise close() was forgotten:
     * drain, finish run.json and run the close hooks, with a warning.
     */
    void atExit() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        if (runDirectory != null && ExitSignals.received().isPresent()) {
            interruptedBySignal();
            return;
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
            RunStatus end = failure != null ? RunStatus.FAILED : interrupted ? RunStatus.INTERRUPTED : RunStatus.FINISHED;
            runDirectory.writeProvenance(provenance.finish(end, Instant.now(), summary));
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
