package org.infolens.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Activations;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerParameters;
import org.infolens.data.Probe;
import org.infolens.io.ActivationStore;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.Output;
import org.infolens.measure.ParameterMeasure;
import org.infolens.measure.RunObserver;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.trajectory.TrajectorySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs measures on activation snapshots off the training thread. Snapshots wait in a bounded queue;
 * when it is full the submitting thread waits or the snapshot is skipped (with a "skipped" record),
 * so memory never grows beyond (capacity + 1) snapshots. Each (layer, measure) is isolated: NaN or
 * infinite activations, or an exception from an estimator, become an error record naming the layer,
 * epoch and cause, and the other estimates go on.
 *
 * <p>Measures that need the whole run (a {@link RunObserver}) see every snapshot as it arrives; the
 * snapshots are kept in an {@link ActivationStore} and estimated in a second pass during
 * {@link #close()}. Given a store, the pipeline keeps every measured snapshot there (activation
 * dumps); two-pass measures read it back when it keeps everything, else they get a temporary one.
 *
 * <p>{@link ParameterMeasure}s (weight condition numbers, gradient signal-to-noise) run on the
 * parameters a snapshot carries, in the first pass, with the same isolation.
 */
public final class MeasurementPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MeasurementPipeline.class);
    private static final PendingSnapshot END = PendingSnapshot.of(new ActivationSnapshot(0, 0, List.of()));

    private final String runName;
    private final Probe probe;
    private final MeasurementSettings settings;
    private final List<Measure> perEpoch = new ArrayList<>();
    private final List<Measure> twoPass = new ArrayList<>();
    private final List<TrajectorySink> sinks;
    private final BlockingQueue<PendingSnapshot> queue;
    private final ActivationStore dumps; // the caller's store (activation dumps), or null
    private final ActivationStore store; // what the second pass reads: the dumps when complete, else a temporary one; null when none
    private final boolean ownsStore;
    private final Thread worker;

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong measured = new AtomicLong();
    private final AtomicLong okRecords = new AtomicLong();
    private final AtomicLong errorRecords = new AtomicLong();
    private final AtomicLong skippedRecords = new AtomicLong();
    private final AtomicLong measureNanos = new AtomicLong();
    private final AtomicLong lostRecords = new AtomicLong();
    private final AtomicLong unrecordedEpochs = new AtomicLong();
    private volatile int maxQueued;
    private volatile String writeFailure; // set once, by the first failed write: recording stops there
    private volatile java.util.function.IntConsumer epochWritten = e -> { };
    private boolean closed;

    private MeasurementPipeline(String runName, Probe probe, MeasurementSettings settings, List<TrajectorySink> sinks, ActivationStore dumps)
            throws IOException {
        this.runName = runName;
        this.probe = Objects.requireNonNull(probe, "the pipeline needs the probe set's labels");
        this.settings = settings;
        for (Measure m : settings.measures()) {
            (m.runObserver().isPresent() ? twoPass : perEpoch).add(m);
        }
        this.sinks = List.copyOf(sinks);
        if (this.sinks.isEmpty()) {
            throw new IllegalArgumentException("the pipeline needs at least one trajectory sink");
        }
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.dumps = dumps;
        this.ownsStore = !twoPass.isEmpty() && (dumps == null || !dumps.complete());
        this.store = ownsStore ? ActivationStore.temporary() : twoPass.isEmpty() ? null : dumps;
        if (dumps != null) {
            dumps.putProbe(probe);
        }
        if (ownsStore) {
            store.putProbe(probe);
        }
        this.worker = new Thread(this::work, "infolens-measure-" + runName);
        worker.setDaemon(true); // a forgotten close() must not keep the JVM alive; records written stay valid
        worker.start();
    }

    /**
     * Starts a pipeline (its worker thread) for run {@code runName}: the snapshots it is given hold the
     * rows of {@code probe}, their records go to {@code sinks}, and {@code dumps} (or null) keeps every
     * measured snapshot; two-pass measures read them back from there.
     */
    public static MeasurementPipeline start(String runName, Probe probe, MeasurementSettings settings, List<TrajectorySink> sinks,
                                            ActivationStore dumps) throws IOException {
        return new MeasurementPipeline(runName, probe, settings, sinks, dumps);
    }

    public static Builder builder() {
        return new Builder();
    }

    public MeasurementSettings settings() {
        return settings;
    }

    /**
     * Hands a snapshot to the worker. Returns false when it was skipped (queue full under
     * {@link WhenFull#SKIP}); skipped records are then written for it.
     */
    public boolean submit(ActivationSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        checkRows(snapshot);
        return submit(PendingSnapshot.of(snapshot));
    }

    /**
     * Hands an epoch to the worker, to be captured there (see {@link PendingSnapshot}). Returns false
     * when it was skipped (queue full under {@link WhenFull#SKIP}); skipped records are then written.
     */
    public boolean submit(PendingSnapshot pending) {
        Objects.requireNonNull(pending, "pending");
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the measurement pipeline of run '" + runName + "' is closed");
            }
        }
        submitted.incrementAndGet();
        boolean queued;
        if (settings.whenFull() == WhenFull.WAIT) {
            try {
                queued = putWhileWorkerLives(pending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queued = false;
            }
        } else {
            queued = queue.offer(pending);
        }
        maxQueued = Math.max(maxQueued, queue.size());
        if (!queued) {
            skipped.incrementAndGet();
            failAll(pending, RecordStatus.SKIPPED, "measurement queue full (capacity " + settings.queueCapacity()
                    + ", policy skip): epoch not measured");
        }
        return queued;
    }

    private void checkRows(ActivationSnapshot snapshot) {
        if (snapshot.rows() != probe.size()) {
            throw new IllegalArgumentException("snapshot of epoch " + snapshot.epoch() + " has " + snapshot.rows()
                    + " rows but the probe set has " + probe.size());
        }
    }

    /** A record of {@code status} for every (layer, measure) of an epoch that is not measured. */
    private void failAll(PendingSnapshot p, RecordStatus status, String why) {
        for (LayerId layer : p.layers()) {
            for (Measure m : settings.measures()) {
                emit(notEstimated(job(m, layer, null, probe.size()), p.epoch(), p.iteration(), status, why));
            }
        }
        for (LayerParameters lp : p.parameters()) {
            for (ParameterMeasure m : settings.parameterMeasures()) {
                if (m.appliesTo(lp)) {
                    emit(notEstimated(job(m, lp), p.epoch(), p.iteration(), status, why));
                }
            }
        }
    }

    /**
     * Waits for every queued snapshot, runs the second pass of two-pass measures, and closes the
     * sinks. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean interrupted = false;
        while (true) {
            try {
                putWhileWorkerLives(END);
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // finish anyway: the records are the point of the run
            }
        }
        if (ownsStore) {
            store.close();
        }
        for (TrajectorySink s : sinks) {
            try {
                s.close();
            } catch (RuntimeException e) {
                log.error("closing trajectory sink failed: {}", e.getMessage());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for queue room, but never for a worker that is gone (training would hang forever). */
    private boolean putWhileWorkerLives(PendingSnapshot s) throws InterruptedException {
        while (!queue.offer(s, 1, TimeUnit.SECONDS)) {
            if (!worker.isAlive()) {
                log.error("the measurement worker of run '{}' has stopped; epoch {} is not measured", runName, s.epoch());
                return false;
            }
        }
        return true;
    }

    /**
     * Called on the worker after each epoch's records (its per-epoch measures) were written: what was
     * kept for an unwritten epoch (a checkpoint) may then go.
     */
    public void onEpochWritten(java.util.function.IntConsumer action) {
        this.epochWritten = Objects.requireNonNull(action, "action");
    }

    public PipelineSummary summary() {
        return new PipelineSummary(submitted.get(), skipped.get(), measured.get(), okRecords.get(), errorRecords.get(),
                skippedRecords.get(), maxQueued, measureNanos.get() / 1e9);
    }

    private void work() {
        while (true) {
            PendingSnapshot p;
            try {
                p = queue.take();
            } catch (InterruptedException e) {
                continue; // only close() ends the worker, through END
            }
            if (p == END) {
                break;
            }
            if (writeFailure != null) { // recording stopped: estimates would be lost anyway
                unrecordedEpochs.incrementAndGet();
                measured.incrementAndGet();
                continue;
            }
            ActivationSnapshot s = null;
            try {
                s = p.capture().get();
                checkRows(s);
            } catch (RuntimeException | OutOfMemoryError e) {
                log.error("capturing epoch {} failed: {}", p.epoch(), e.toString(), e);
                failAll(p, RecordStatus.ERROR, "capturing the activations of epoch " + p.epoch() + " failed: " + e);
            }
            if (s != null) {
                try {
                    p.derived().apply(s).forEach(this::send);
                    measureSnapshot(s);
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    // The worker must outlive any one snapshot: training waits on it.
                    log.error("measuring epoch {} failed: {}", s.epoch(), e.toString(), e);
                }
            }
            measured.incrementAndGet();
            if (writeFailure == null) {
                try {
                    epochWritten.accept(p.epoch());
                } catch (RuntimeException e) {
                    log.error("after writing epoch {}: {}", p.epoch(), e.getMessage());
                }
            }
        }
        if (!twoPass.isEmpty() && writeFailure == null) {
            secondPass();
        }
    }

    private void measureSnapshot(ActivationSnapshot s) {
        for (LayerActivations l : s.layers()) {
            estimateLayer(s, l, perEpoch);
        }
        for (LayerParameters p : s.parameters()) {
            for (ParameterMeasure m : settings.parameterMeasures()) {
                if (m.appliesTo(p)) {
                    estimate(s, job(m, p));
                }
            }
        }
        for (LayerActivations l : s.layers()) {
            if (!twoPass.isEmpty() && l.values().countNonFinite() == 0) {
                for (Measure m : twoPass) {
                    m.runObserver().orElseThrow().observe(l.layer(), l.values());
                }
            }
        }
        if (dumps != null) {
            dumps.put(s);
        }
        if (ownsStore) {
            store.put(s);
        }
    }

    private void secondPass() {
        List<Measure> ready = new ArrayList<>();
        for (Measure m : twoPass) {
            try {
                m.runObserver().orElseThrow().complete();
                ready.add(m);
            } catch (RuntimeException e) {
                log.error("{}: the run's first pass did not complete: {}", m.label(), e.getMessage());
            }
        }
        try {
            for (var dir : store.storedEpochs()) {
                ActivationSnapshot s = ActivationStore.load(dir);
                for (LayerActivations l : s.layers()) {
                    estimateLayer(s, l, ready);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.error("second pass over stored activations in {} failed: {}", store.directory(), e.getMessage(), e);
        }
    }

    /** {@code which} on one layer's activations; NaN or infinite values give each measure an error record instead. */
    private void estimateLayer(ActivationSnapshot s, LayerActivations l, List<Measure> which) {
        if (which.isEmpty()) {
            return;
        }
        long nonFinite = l.values().countNonFinite();
        if (nonFinite > 0) {
            long nan = l.values().countNaN();
            String why = "layer " + l.layer().describe() + " at epoch " + s.epoch() + " has " + nan + " NaN and "
                    + (nonFinite - nan) + " infinite values among " + l.values().size() + "; not estimated";
            for (Measure m : which) {
                emit(notEstimated(job(m, l.layer(), l.values(), l.values().rows()), s.epoch(), s.iteration(), RecordStatus.ERROR, why));
            }
            return;
        }
        for (Measure m : which) {
            estimate(s, job(m, l.layer(), l.values(), l.values().rows()));
        }
    }

    /** Runs one estimate, isolated: an exception from the estimator becomes an error record naming layer and epoch. */
    private void estimate(ActivationSnapshot s, Job job) {
        long t0 = System.nanoTime();
        TrajectoryRecord r;
        try {
            Estimate e = job.estimate().get();
            long dt = System.nanoTime() - t0;
            measureNanos.addAndGet(dt);
            r = TrajectoryRecord.estimated(runName, s.epoch(), s.iteration(), job.layer(), job.measure(), job.label(), job.params(),
                    job.outputs(), job.n().getAsInt(), e, dt / 1e9);
        } catch (RuntimeException e) {
            String why = job.label() + " failed on layer " + job.layer().describe() + " at epoch " + s.epoch() + ": " + e;
            log.warn(why);
            r = notEstimated(job, s.epoch(), s.iteration(), RecordStatus.ERROR, why);
        }
        emit(r);
    }

    /**
     * One (layer, measure) of an epoch: what its record names and how to estimate it, the same for
     * measures of activations and of parameters.
     *
     * @param outputs  the values the measure declares
     * @param n        what the record's n counts when estimated
     * @param nOnError the n of a record of an estimate not made
     */
    private record Job(LayerId layer, String measure, String label, Map<String, Object> params, List<Output> outputs,
                       Supplier<Estimate> estimate, IntSupplier n, int nOnError) {
    }

    /** A measure of activations on {@code rows} probe rows ({@code values} null for an epoch never captured). */
    private Job job(Measure m, LayerId layer, Activations values, int rows) {
        int n = m.rowsUsed(rows);
        return new Job(layer, m.name(), m.label(), m.parameters(), m.outputs(), () -> m.estimate(layer, values, probe.forHead(layer.head())), () -> n, n);
    }

    private Job job(ParameterMeasure m, LayerParameters p) {
        return new Job(p.layer(), m.name(), m.label(), m.parameters(), m.outputs(), () -> m.estimate(p), () -> m.sampleSize(p), 0);
    }

    private TrajectoryRecord notEstimated(Job job, int epoch, long iteration, RecordStatus status, String why) {
        return TrajectoryRecord.notEstimated(runName, epoch, iteration, job.layer(), job.measure(), job.label(), job.params(), job.nOnError(),
                status, why);
    }

    /** Sends {@code r}; the ok/error/skipped counts count written records only, lost ones apart. */
    private void emit(TrajectoryRecord r) {
        if (!send(r)) {
            return;
        }
        switch (r.status()) {
            case OK -> okRecords.incrementAndGet();
            case ERROR -> errorRecords.incrementAndGet();
            case SKIPPED -> skippedRecords.incrementAndGet();
        }
    }

    /**
     * Writes {@code r} to every sink. A failed write is fatal to the recording: that record and every
     * later one are counted as lost instead of written, so the trajectory ends at its last whole record.
     */
    private boolean send(TrajectoryRecord r) {
        if (writeFailure != null) {
            lostRecords.incrementAndGet();
            return false;
        }
        for (TrajectorySink sink : sinks) {
            try {
                sink.accept(r);
            } catch (RuntimeException e) {
                writeFailure = "writing a record of epoch " + r.epoch() + " failed: " + e.getMessage();
                lostRecords.incrementAndGet();
                log.error("run '{}': {}; recording stops here", runName, writeFailure);
                return false;
            }
        }
        return true;
    }

    /** Why recording stopped (the first failed trajectory write), or null while every write succeeded. */
    public String writeFailure() {
        return writeFailure;
    }

    /** Records not written because a trajectory write failed (the failed one included). */
    public long lostRecords() {
        return lostRecords.get();
    }

    /** Epochs handed over after recording stopped, not measured. */
    public long unrecordedEpochs() {
        return unrecordedEpochs.get();
    }

    @Override
    public String toString() {
        return "MeasurementPipeline[run=" + runName + ", measures=" + settings.labels() + ", queueCapacity=" + settings.queueCapacity()
                + ", whenFull=" + settings.whenFull() + "]";
    }

    /** Configuration; validated in {@link #build()}. */
    public static final class Builder extends MeasurementSettings.Builder<Builder> {
        private String runName = "run";
        private Probe probe;
        private final List<TrajectorySink> sinks = new ArrayList<>();
        private ActivationStore store;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder runName(String runName) {
            this.runName = runName;
            return this;
        }

        /** Labels and input ids of the probe rows every snapshot holds. */
        public Builder probe(Probe probe) {
            this.probe = probe;
            return this;
        }

        public Builder sink(TrajectorySink sink) {
            this.sinks.add(sink);
            return this;
        }

        /**
         * Keeps every measured snapshot in {@code store} (activation dumps); two-pass measures read
         * them back from there. Without one, two-pass measures use a temporary store.
         */
        public Builder activationStore(ActivationStore store) {
            this.store = store;
            return this;
        }

        public MeasurementPipeline build() throws IOException {
            if (probe == null) {
                throw new IllegalArgumentException("the pipeline needs the probe set's labels (probe(...))");
            }
            return start(runName, probe, measurementSettings(), sinks, store);
        }
    }
}
