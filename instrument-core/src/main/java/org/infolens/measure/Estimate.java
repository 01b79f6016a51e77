package org.infolens.measure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a measure found on one layer.
 *
 * @param values          the estimates by name ("H_T", "I_XT", "F", ...), among the measure's declared outputs
 * @param layerParameters parameters resolved for this layer (an adaptive edge's lower limit, a noise
 *                        variance scaled to this layer): they complete {@link Measure#parameters()}
 * @param details         diagnostics worth keeping (distinct patterns, flags such as "negative")
 * @param intervals       confidence intervals of some values, by the same names (empty unless asked for)
 */
public record Estimate(Map<String, Double> values, Map<String, Object> layerParameters, Map<String, Object> details,
                       Map<String, Interval> intervals) {

    public Estimate(Map<String, Double> values, Map<String, Object> layerParameters, Map<String, Object> details) {
        this(values, layerParameters, details, Map.of());
    }

    public Estimate {
        values = frozen(Objects.requireNonNull(values, "values"));
        layerParameters = frozen(layerParameters == null ? Map.of() : layerParameters);
        details = frozen(details == null ? Map.of() : details);
        intervals = frozen(intervals == null ? Map.of() : intervals);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalStateException("estimate " + e.getKey() + " is " + e.getValue());
            }
        }
    }

    public static Estimate of(Map<String, Double> values) {
        return new Estimate(values, Map.of(), Map.of());
    }

    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value '" + name + "' in " + values.keySet());
        }
        return v;
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
