package org.infolens.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.io.ActivationDumps;
import org.infolens.pipeline.MeasurementSettings;
import org.infolens.trajectory.TrajectorySink;

/**
 * What a run session records and where, validated: the measurement settings, the run directory and
 * other sinks, the activations kept, what run.json says of the run (name, dataset, seeds, the
 * experiment's options, how it was launched), and what to do at close. Builders of sessions and of
 * framework adapters (the DL4J listener's) extend {@link Builder}, where each setting is declared once.
 *
 * @param measurement     the measures and the queue
 * @param outputDirectory the run directory (run.json, trajectory.jsonl, activations/), or null for custom sinks only
 * @param sinks           more trajectory sinks, besides the run directory's trajectory
 * @param dumps           which activations to keep under activations/, or null for none
 * @param runName         the run's name in records and run.json
 * @param dataset         what the network trains on, for run.json
 * @param seeds           seeds the run uses, by purpose, for run.json
 * @param options         the experiment's own options, run.json's {@code settings}
 * @param launch          how the run was launched (run.json's {@code launch}), or null
 * @param closeHooks      work done at close, in order, after run.json is finished
 * @param stopOnWriteFailure whether a failed trajectory write also stops training (else training goes on,
 *                        unrecorded, and the run is marked failed at close)
 */
public record SessionSettings(MeasurementSettings measurement, Path outputDirectory, List<TrajectorySink> sinks, ActivationDumps dumps,
                              String runName, Map<String, Object> dataset, Map<String, Long> seeds, Map<String, Object> options,
                              Map<String, Object> launch, List<CloseHook> closeHooks, boolean stopOnWriteFailure) {

    public SessionSettings {
        sinks = List.copyOf(sinks);
        closeHooks = List.copyOf(closeHooks);
        dataset = ordered(dataset);
        seeds = ordered(seeds);
        options = ordered(options);
        launch = launch == null ? null : ordered(launch);
        if (outputDirectory == null && sinks.isEmpty()) {
            throw new IllegalArgumentException("a run needs an output directory or a trajectory sink");
        }
        if (outputDirectory == null && dumps != null) {
            throw new IllegalArgumentException("keeping activations needs an output directory");
        }
        if (outputDirectory == null && !closeHooks.isEmpty()) {
            throw new IllegalArgumentException("close hooks (figures, reports) need an output directory");
        }
        if (runName == null) {
            runName = outputDirectory != null ? outputDirectory.getFileName().toString() : "run";
        }
    }

    /** An unmodifiable copy in the caller's order: run.json lists the entries as they were given. */
    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * The settings part of a builder, measurement settings included: extend it with the builder's own
     * type as {@code B}.
     */
    public abstract static class Builder<B extends Builder<B>> extends MeasurementSettings.Builder<B> {
        private Path outputDirectory;
        private final List<TrajectorySink> sinks = new ArrayList<>();
        private ActivationDumps dumps;
        private String runName;
        private final Map<String, Object> dataset = new LinkedHashMap<>();
        private final Map<String, Long> seeds = new LinkedHashMap<>();
        private final Map<String, Object> options = new LinkedHashMap<>();
        private Map<String, Object> launch;
        private final List<CloseHook> closeHooks = new ArrayList<>();
        private boolean stopOnWriteFailure = true;

        /** Writes run.json, trajectory.jsonl (and activations/) here. */
        public B outputDirectory(Path directory) {
            this.outputDirectory = directory;
            return self();
        }

        /** Also (or only) send records here. */
        public B sink(TrajectorySink sink) {
            this.sinks.add(sink);
            return self();
        }

        /** Keep every recorded epoch's activations as .npy under activations/ (default off). */
        public B keepActivations(boolean keep) {
            this.dumps = keep ? ActivationDumps.ALL : null;
            return self();
        }

        /** Keep recorded epochs' activations under activations/, all or a subset of rows and columns (null = none). */
        public B activationDumps(ActivationDumps keep) {
            this.dumps = keep;
            return self();
        }

        /** The run's name in records (default: the output directory's name). */
        public B runName(String name) {
            this.runName = name;
            return self();
        }

        /** What the network trains on, for run.json (name, source, sizes, hash...). */
        public B dataset(Map<String, ?> description) {
            this.dataset.putAll(description);
            return self();
        }

        /** A seed used by the run, for run.json (the network's own seed comes from the adapter). */
        public B seed(String purpose, long seed) {
            this.seeds.put(purpose, seed);
            return self();
        }

        /** The experiment's options, for run.json. */
        public B settings(Map<String, ?> experimentOptions) {
            this.options.putAll(experimentOptions);
            return self();
        }

        /**
         * How the run was launched, for run.json ({@code launch}): what launching it again takes, as a
         * bundled experiment writes it (its name and every option with its value); null for none.
         */
        public B launch(Map<String, ?> howLaunched) {
            this.launch = howLaunched == null ? null : new LinkedHashMap<>(howLaunched);
            return self();
        }

        /**
         * Adds work to do when the run is closed, after run.json is finished: {@code RunFigures::draw}
         * draws figures/ (JFreeChart and JFreeSVG must then be on the class path). Needs an output directory.
         */
        public B onClose(CloseHook hook) {
            this.closeHooks.add(hook);
            return self();
        }

        /**
         * What a failed trajectory write does besides stopping the recording and failing the run: stop
         * training too (the default: the record is the point of the run), or let training finish.
         */
        public B stopTrainingOnWriteFailure(boolean stop) {
            this.stopOnWriteFailure = stop;
            return self();
        }

        /** The settings as given; validated. */
        protected SessionSettings sessionSettings() {
            return new SessionSettings(measurementSettings(), outputDirectory, sinks, dumps, runName, dataset, seeds, options, launch,
                    closeHooks, stopOnWriteFailure);
        }
    }
}
