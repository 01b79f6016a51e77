package org.infolens.trajectory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.infolens.data.LayerId;
import org.infolens.measure.Estimate;
import org.infolens.measure.Interval;

/**
 * One line of a trajectory: what one measure found on one layer at one recorded epoch, with every
 * parameter that produced it. Schema {@value #SCHEMA}; readers ignore fields they do not know. Made by
 * {@link #estimated} or {@link #notEstimated}, and changed by the withers, each of which returns a
 * copy with one part set.
 *
 * @param schema     format version of this record
 * @param run        the run's name
 * @param epoch      completed training epochs when the activations were captured (0 = before training)
 * @param iteration  the network's iteration count at capture
 * @param layer      the layer
 * @param measure    estimator family ("binning", ...)
 * @param label      the measure's configuration label ("binning/adaptive-30")
 * @param params     every parameter of the estimate, defaults and per-layer resolved values included
 * @param n          probe rows the estimate used
 * @param status     ok, error or skipped
 * @param valuesBits the estimates in bits (empty unless ok)
 * @param intervals  confidence intervals of some estimates, by the same names (absent unless asked for)
 * @param details    estimator diagnostics
 * @param message    why an error or skip happened (null when ok)
 * @param seconds    time the estimate took
 * @param time       when the record was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "run", "epoch", "iteration", "layer", "measure", "label", "status", "n", "values_bits",
        "intervals", "params", "details", "message", "seconds", "time"})
public record TrajectoryRecord(
        int schema,
        String run,
        int epoch,
        long iteration,
        LayerId layer,
        String measure,
        String label,
        Map<String, Object> params,
        int n,
        RecordStatus status,
        @JsonProperty("values_bits") Map<String, Double> valuesBits,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Interval> intervals,
        Map<String, Object> details,
        String message,
        double seconds,
        Instant time) {

    /** The trajectory format this code writes; it reads this version and older. */
    public static final int SCHEMA = 1;

    public TrajectoryRecord {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(status, "status");
        label = label == null ? measure : label;
        params = frozen(params);
        valuesBits = frozen(valuesBits);
        intervals = frozen(intervals);
        details = frozen(details);
    }

    /**
     * The record of an estimate, written now: status ok, the estimate's values, intervals and details.
     *
     * @param params  every parameter of the estimate (the measure's and the layer's resolved ones)
     * @param n       probe rows (or other samples) the estimate used
     * @param seconds time the estimate took
     */
    public static TrajectoryRecord estimated(String run, int epoch, long iteration, LayerId layer, String measure, String label,
                                             Map<String, Object> params, int n, Estimate estimate, double seconds) {
        return new TrajectoryRecord(SCHEMA, run, epoch, iteration, layer, measure, label, params, n, RecordStatus.OK, estimate.valuesBits(),
                estimate.intervals(), estimate.details(), null, seconds, Instant.now());
    }

    /** The record of an estimate not made, written now: {@code status} error or skipped, and why. */
    public static TrajectoryRecord notEstimated(String run, int epoch, long iteration, LayerId layer, String measure, String label,
                                                Map<String, Object> params, int n, RecordStatus status, String why) {
        if (status == RecordStatus.OK) {
            throw new IllegalArgumentException("a record without an estimate cannot be ok");
        }
        return new TrajectoryRecord(SCHEMA, run, epoch, iteration, layer, measure, label, params, n, status, Map.of(), Map.of(), Map.of(),
                why, 0, Instant.now());
    }

    public TrajectoryRecord withRun(String name) {
        return new TrajectoryRecord(schema, name, epoch, iteration, layer, measure, label, params, n, status, valuesBits, intervals, details,
                message, seconds, time);
    }

    public TrajectoryRecord withLabel(String configurationLabel) {
        return new TrajectoryRecord(schema, run, epoch, iteration, layer, measure, configurationLabel, params, n, status, valuesBits, intervals,
                details, message, seconds, time);
    }

    public TrajectoryRecord withValues(Map<String, Double> values, Map<String, Interval> valueIntervals) {
        return new TrajectoryRecord(schema, run, epoch, iteration, layer, measure, label, params, n, status, values, valueIntervals,
                details, message, seconds, time);
    }

    public TrajectoryRecord withDetails(Map<String, Object> diagnostics) {
        return new TrajectoryRecord(schema, run, epoch, iteration, layer, measure, label, params, n, status, valuesBits, intervals,
                diagnostics, message, seconds, time);
    }

    public TrajectoryRecord withTime(Instant written) {
        return new TrajectoryRecord(schema, run, epoch, iteration, layer, measure, label, params, n, status, valuesBits, intervals,
                details, message, seconds, written);
    }

    @JsonIgnore // derived from status, not a field of the format
    public boolean isOk() {
        return status == RecordStatus.OK;
    }

    /** An estimate by name, or NaN when this record has none. */
    public double value(String name) {
        Double v = valuesBits.get(name);
        return v == null ? Double.NaN : v;
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
