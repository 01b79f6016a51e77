package org.infolens.measure;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A measure as a name and parameter values: from the command line ({@code kde:bound=lower,probeRows=2000},
 * values as text) or from a record or run.json ({@code "measure"} or {@code "name"}, and {@code "params"}
 * as JSON wrote them). The catalog makes a measure of either the same way.
 *
 * @param name   the estimator family
 * @param params values by name: text, or numbers, booleans, strings and objects as JSON gives them back
 */
public record MeasureSpec(String name, Map<String, Object> params) {

    public MeasureSpec {
        Objects.requireNonNull(name, "name");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    /** {@code name} or {@code name:param=value,param=value}. */
    public static MeasureSpec parse(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
        List<String> items = colon < 0 || colon == spec.length() - 1 ? List.of() : Arrays.asList(spec.substring(colon + 1).split(","));
        return of(name, items);
    }

    /** {@code name} with "param=value" items. */
    public static MeasureSpec of(String name, List<String> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + item.trim() + "' for " + name + " is not of the form name=value");
            }
            String key = item.substring(0, eq).trim();
            if (m.put(key, item.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("parameter '" + key + "' for " + name + " is given twice");
            }
        }
        return new MeasureSpec(name, m);
    }

    /** What rebuilds {@code m}: its name and every parameter. */
    public static MeasureSpec of(Measure m) {
        return new MeasureSpec(m.name(), m.parameters());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name);
        String sep = ":";
        for (Map.Entry<String, Object> e : params.entrySet()) {
            s.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        return s.toString();
    }
}
