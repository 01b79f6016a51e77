package org.infolens.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.infolens.estimate.interval.IntervalSettings;
import org.infolens.estimate.interval.VerdictSettings;
import org.infolens.estimate.interval.WithConfidenceIntervals;
import org.infolens.estimate.interval.WithReliabilityVerdict;
import org.infolens.measure.Measure;
import org.infolens.measure.ParameterMeasure;

/**
 * What a measurement pipeline runs and how it queues, validated: the measures of activations, the
 * measures of parameters, how many epochs may wait, and what happens when that many do. Builders that
 * take these settings (the pipeline's, the run session's, the DL4J listener's) extend {@link Builder},
 * where each setting is declared once.
 *
 * @param measures          measures of a layer's activations (wrapped with confidence intervals when asked for)
 * @param parameterMeasures measures of a layer's weights and gradients
 * @param queueCapacity     recorded epochs that may wait for the worker: memory is bounded by this plus one
 * @param whenFull          what the recording thread does when that many wait
 */
public record MeasurementSettings(List<Measure> measures, List<ParameterMeasure> parameterMeasures, int queueCapacity,
                                  WhenFull whenFull) {

    public MeasurementSettings {
        measures = List.copyOf(measures);
        parameterMeasures = List.copyOf(parameterMeasures);
        if (measures.isEmpty() && parameterMeasures.isEmpty()) {
            throw new IllegalArgumentException("at least one measure is needed");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be >= 1, got " + queueCapacity);
        }
        if (whenFull == null) {
            throw new IllegalArgumentException("whenFull must be WAIT or SKIP");
        }
        List<String> labels = labels(measures, parameterMeasures);
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("two measures share a label, their records could not be told apart: " + labels);
        }
    }

    /** Every measure's label, activation measures first: how records and logs name them. */
    public List<String> labels() {
        return labels(measures, parameterMeasures);
    }

    /** Whether a parameter measure reads {@code input}: capturing it costs training time, so adapters take only what is read. */
    public boolean reads(ParameterMeasure.Input input) {
        return parameterMeasures.stream().anyMatch(m -> m.reads().contains(input));
    }

    private static List<String> labels(List<Measure> measures, List<ParameterMeasure> parameterMeasures) {
        List<String> labels = new ArrayList<>(measures.stream().map(Measure::label).toList());
        parameterMeasures.forEach(m -> labels.add(m.label()));
        return labels;
    }

    /**
     * The settings part of a builder, in the fluent style of DL4J's own: extend it with the builder's
     * own type as {@code B}.
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final List<Measure> measures = new ArrayList<>();
        private final List<ParameterMeasure> parameterMeasures = new ArrayList<>();
        private int queueCapacity = 2;
        private WhenFull whenFull = WhenFull.WAIT;
        private IntervalSettings intervals;
        private VerdictSettings verdict;

        protected abstract B self();

        /** Adds a measure of activations (at least one measure of either kind is required). */
        public B measure(Measure measure) {
            this.measures.add(measure);
            return self();
        }

        public B measures(List<? extends Measure> measures) {
            this.measures.addAll(measures);
            return self();
        }

        /**
         * Adds a measure of every recorded layer's parameters: {@code new WeightConditionNumber()}
         * (copies the weights at each recorded epoch), {@code new GradientSignalToNoise()} (accumulates
         * the minibatch gradients during the epochs that are recorded).
         */
        public B parameterMeasure(ParameterMeasure measure) {
            this.parameterMeasures.add(measure);
            return self();
        }

        /** Recorded epochs that may wait for the measures (default 2): memory is bounded by (this + 1) epochs. */
        public B queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return self();
        }

        /** When the queue is full: wait (default) or skip the epoch with a "skipped" record. */
        public B whenFull(WhenFull policy) {
            this.whenFull = policy;
            return self();
        }

        /**
         * Adds confidence intervals to every measure of activations (off by default: resampling
         * multiplies the estimation work by 10 to 100).
         */
        public B confidenceIntervals(IntervalSettings settings) {
            this.intervals = settings;
            return self();
        }

        /**
         * Adds a reliability verdict on every value of every measure of activations (off by default:
         * the subsets and shuffles cost about maxGamma + shuffles estimates more).
         */
        public B verdict(VerdictSettings settings) {
            this.verdict = settings;
            return self();
        }

        /** The settings as given; validated. */
        protected MeasurementSettings measurementSettings() {
            List<Measure> run = measures.stream().map(m -> {
                Measure withIntervals = intervals == null ? m : new WithConfidenceIntervals(m, intervals);
                return verdict == null ? withIntervals : new WithReliabilityVerdict(withIntervals, m, verdict);
            }).toList();
            return new MeasurementSettings(run, parameterMeasures, queueCapacity, whenFull);
        }
    }
}
