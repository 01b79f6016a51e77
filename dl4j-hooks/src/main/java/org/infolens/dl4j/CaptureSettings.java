package org.infolens.dl4j;

import java.util.Objects;
import java.util.function.Predicate;
import org.infolens.data.LayerId;
import org.infolens.session.SessionSettings;

/**
 * How the DL4J listener records, validated: the probe, the epochs, the layers, and where the probe's
 * forward pass runs. {@link Builder} adds these settings to the run's ({@link SessionSettings.Builder}),
 * each declared once.
 *
 * @param probe                  the fixed probe rows
 * @param schedule               which completed epochs are recorded
 * @param layerFilter            which layers are recorded
 * @param layerFilterDescription the filter in words, for run.json and messages
 * @param recordBeforeTraining   whether the untrained network is recorded as epoch 0
 * @param recordTraining         whether each recorded epoch gets a training record (loss, probe accuracy)
 * @param captureBatchSize       probe rows per forward pass
 * @param captureOnWorker        whether the forward pass runs on the measurement worker, through a copy of the network
 * @param checkpoints            whether each recorded epoch also writes a DL4J checkpoint beside the trajectory ({@link Checkpoint}),
 *                               from which {@link InfoPlaneListener#resume} continues the run
 * @param sequenceViews          how layers with a time axis become rows, by layer name ("*": every such layer); the rest by the probe
 */
public record CaptureSettings(ProbeSet probe, EpochSchedule schedule, Predicate<LayerId> layerFilter, String layerFilterDescription,
                              boolean recordBeforeTraining, boolean recordTraining, int captureBatchSize, boolean captureOnWorker,
                              boolean checkpoints, java.util.Map<String, SequenceView> sequenceViews) {

    /** The view of layer {@code name}'s time axis, or null to let the probe decide. */
    public SequenceView sequenceView(String name) {
        SequenceView v = sequenceViews.get(name);
        return v != null ? v : sequenceViews.get("*");
    }

    public CaptureSettings {
        if (probe == null) {
            throw new IllegalArgumentException("InfoPlaneListener needs a probe set: probe(ProbeSet.of(features, labels))");
        }
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(layerFilter, "layer filter");
        sequenceViews = java.util.Map.copyOf(sequenceViews);
        if (sequenceViews.containsValue(SequenceView.STEPS) && !probe.bySteps()) {
            throw new IllegalArgumentException("sequenceView STEPS needs a probe labelled per time step (ProbeSet.ofSequences with labels "
                    + "[sequences, classes, T]); this probe has one label per row");
        }
        if (captureBatchSize < 1) {
            throw new IllegalArgumentException("capture batch size must be >= 1, got " + captureBatchSize);
        }
    }

    /** The capture part of a builder, the run's settings included: extend it with the builder's own type as {@code B}. */
    public abstract static class Builder<B extends Builder<B>> extends SessionSettings.Builder<B> {
        private ProbeSet probe;
        private EpochSchedule schedule = EpochSchedule.everyEpoch();
        private Predicate<LayerId> layerFilter = l -> true;
        private String layerFilterDescription = "all layers";
        private boolean recordBeforeTraining;
        private boolean recordTraining;
        private int captureBatchSize = 2048;
        private boolean captureOnWorker = true;
        private boolean checkpoints;
        private final java.util.Map<String, SequenceView> sequenceViews = new java.util.LinkedHashMap<>();

        /** The fixed probe rows (required). */
        public B probe(ProbeSet probe) {
            this.probe = probe;
            return self();
        }

        /** When to record (default: every epoch). */
        public B schedule(EpochSchedule schedule) {
            this.schedule = schedule;
            return self();
        }

        /** Which layers to record (default: all, the output layer included). */
        public B layers(Predicate<LayerId> filter, String description) {
            this.layerFilter = filter;
            this.layerFilterDescription = description;
            return self();
        }

        /** Also record before the first epoch (epoch 0). */
        public B recordBeforeTraining(boolean record) {
            this.recordBeforeTraining = record;
            return self();
        }

        /**
         * Also writes a {@code training} record per recorded epoch (default off): the mean minibatch
         * loss since the previous record and, when the output layer is recorded, the probe accuracy;
         * the figures draw them beside the measures.
         */
        public B recordTraining(boolean record) {
            this.recordTraining = record;
            return self();
        }

        /**
         * Run the probe's forward pass on the measurement worker, through a copy of the network given a
         * copy of the weights (default), or on the training thread. The first recorded epoch is always
         * captured on the training thread. Off for networks DL4J cannot clone.
         */
        public B captureOnWorker(boolean onWorker) {
            this.captureOnWorker = onWorker;
            return self();
        }

        /**
         * At each recorded epoch also write the network (weights, updater state) in {@code checkpoints/epoch-N.zip}
         * beside the trajectory (default off; needs an output directory), so that an interrupted or killed
         * run can be continued with {@link InfoPlaneListener#resume}. Costs one model file write per recorded epoch.
         */
        public B checkpoints(boolean write) {
            this.checkpoints = write;
            return self();
        }

        /**
         * How every layer with a time axis ([N, units, T]: recurrent, RnnOutputLayer) becomes rows
         * (default: {@link SequenceView#STEPS} for a probe labelled per time step, else
         * {@link SequenceView#LAST_STEP}); recorded in the layer metadata.
         */
        public B sequenceView(SequenceView view) {
            sequenceViews.put("*", Objects.requireNonNull(view, "sequence view"));
            return self();
        }

        /** As {@link #sequenceView(SequenceView)}, for the layer (or graph vertex) called {@code layer} only. */
        public B sequenceView(String layer, SequenceView view) {
            sequenceViews.put(Objects.requireNonNull(layer, "layer name"), Objects.requireNonNull(view, "sequence view"));
            return self();
        }

        /** Probe rows per forward pass (default 2048). */
        public B captureBatchSize(int rows) {
            this.captureBatchSize = rows;
            return self();
        }

        /** The capture settings as given; validated. */
        protected CaptureSettings captureSettings() {
            return new CaptureSettings(probe, schedule, layerFilter, layerFilterDescription, recordBeforeTraining, recordTraining,
                    captureBatchSize, captureOnWorker, checkpoints, sequenceViews);
        }
    }
}
