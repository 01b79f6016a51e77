package org.infolens.trajectory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.infolens.data.LayerId;
import org.infolens.measure.Estimate;
import org.infolens.measure.Interval;
import java.util.List;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;

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
 * @param params     every parameter of the measure, defaults included: the measure replays from these
 *                   ({@code EstimatorCatalog.create(new MeasureSpec(measure, params))})
 * @param resolved   what the measure resolved for this layer and epoch from its parameters and the data (an
 *                   adaptive bin edge's lower limit, an adaptive noise variance, the kernel width used)
 * @param n          probe rows the estimate used
 * @param status     ok, error or skipped
 * @param values     the estimates (empty unless ok)
 * @param units      the unit of each value, as the measure declares it: bits, nats, count or number
 * @param intervals  confidence intervals of some estimates, by the same names (absent unless asked for)
 * @param details    estimator diagnostics
 * @param message    why an error or skip happened (null when ok)
 * @param seconds    time the estimate took
 * @param time       when the record was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "run", "epoch", "iteration", "layer", "measure", "label", "status", "n", "values", "units",
        "intervals", "params", "resolved", "details", "message", "seconds", "time"})
public record TrajectoryRecord(
        int schema,
        String run,
        int epoch,
        long iteration,
        LayerId layer,
        String measure,
        String label,
        Map<String, Object> params,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> resolved,
        int n,
        RecordStatus status,
        Map<String, Double> values,
        Map<String, Unit> units,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Interval> intervals,
        Map<String, Object> details,
        String message,
        double seconds,
        Instant time) {

    /**
     * The trajectory format this code writes; it reads this version and older. 2: {@code values} with
     * their {@code units} (1 had {@code values_bits}, bits or not), and {@code resolved} apart from
     * {@code params} (1 merged them).
     */
    public static final int SCHEMA = 2;

    public TrajectoryRecord {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(status, "status");
        label = label == null ? measure : label;
        params = frozen(params);
        resolved = frozen(resolved);
        values = frozen(values);
        units = frozen(units);
        if (!units.keySet().containsAll(values.keySet())) {
            throw new IllegalArgumentException("record of " + label + " on layer " + layer.describe() + ": values " + values.keySet()
                    + " without a unit in " + units);
        }
        intervals = frozen(intervals);
        details = frozen(details);
    }

    /**
     * The record of an estimate, written now: status ok, the estimate's values with the units their
     * measure declares, its resolved parameters, intervals and details.
     *
     * @param params  the measure's parameters (what it replays from)
     * @param outputs the values the measure declares: a value it does not declare is an error
     * @param n       probe rows (or other samples) the estimate used
     * @param seconds time the estimate took
     */
    public static TrajectoryRecord estimated(String run, int epoch, long iteration, LayerId layer, String measure, String label,
                                             Map<String, Object> params, List<Output> outputs, int n, Estimate estimate, double seconds) {
        return new TrajectoryRecord(SCHEMA, run, epoch, iteration, layer, measure, label, params, estimate.layerParameters(), n,
                RecordStatus.OK, estimate.values(), Output.unitsOf(label, outputs, estimate.values().keySet()), estimate.intervals(),
                estimate.details(), null, seconds, Instant.now());
    }

    /** The record of an estimate not made, written now: {@code status} error or skipped, and why. */
    public static TrajectoryRecord notEstimated(String run, int epoch, long iteration, LayerId layer, String measure, String label,
                                                Map<String, Object> params, int n, RecordStatus status, String why) {
        if (status == RecordStatus.OK) {
            throw new IllegalArgumentException("a record without an estimate cannot be ok");
        }
        return new TrajectoryRecord(SCHEMA, run, epoch, iteration, layer, measure, label, params, Map.of(), n, status, Map.of(), Map.of(),
                Map.of(), Map.of(), why, 0, Instant.now());
    }

    public TrajectoryRecord withRun(String name) {
        return new TrajectoryRecord(schema, name, epoch, iteration, layer, measure, label, params, resolved, n, status, values, units,
                intervals, details, message, seconds, time);
    }

    public TrajectoryRecord withLabel(String configurationLabel) {
        return new TrajectoryRecord(schema, run, epoch, iteration, layer, measure, configurationLabel, params, resolved, n, status, values,
                units, intervals, details, message, seconds, time);
    }

    /** The same record with other values (of the same names, so their units hold) and intervals. */
    public TrajectoryRecord withValues(Map<String, Double> newValues, Map<String, Interval> valueIntervals) {
        return new TrajectoryRecord(schema, run, epoch, iteration, layer, measure, label, params, resolved, n, status, newValues, units,
                valueIntervals, details, message, seconds, time);
    }

    public TrajectoryRecord withDetails(Map<String, Object> diagnostics) {
        return new TrajectoryRecord(schema, run, epoch, iteration, layer, measure, label, params, resolved, n, status, values, units,
                intervals, diagnostics, message, seconds, time);
    }

    public TrajectoryRecord withTime(Instant written) {
        return new TrajectoryRecord(schema, run, epoch, iteration, layer, measure, label, params, resolved, n, status, values, units,
                intervals, details, message, seconds, written);
    }

    @JsonIgnore // derived from status, not a field of the format
    public boolean isOk() {
        return status == RecordStatus.OK;
    }

    /** An estimate by name, or NaN when this record has none. */
    public double value(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
