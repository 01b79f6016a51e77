package org.infolens.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A condition on one earlier parameter of the same declaration list: where a parameter applies
 * ({@link Param#onlyWhen}) or which default it takes ({@link Param#defaultWhen}).
 */
public final class Condition {

    private final Param<?> on;
    private final Predicate<Object> test; // on the parameter's value; null when it has none
    private final String text;

    private Condition(Param<?> on, Predicate<Object> test, String text) {
        this.on = on;
        this.test = test;
        this.text = text;
    }

    /** {@code on} has one of {@code values}: "edges=fixed-range or global-minmax". */
    @SafeVarargs
    public static <V> Condition when(Param<V> on, V... values) {
        List<V> allowed = List.of(values);
        List<String> words = new ArrayList<>();
        allowed.forEach(v -> words.add(String.valueOf(on.type().toJson(v))));
        return new Condition(on, allowed::contains, on.name() + "=" + orList(words));
    }

    /** {@code on} has a value (it has no default and was given). */
    public static Condition given(Param<?> on) {
        return new Condition(on, v -> v != null, on.name());
    }

    /** The parameter this condition reads. */
    Param<?> on() {
        return on;
    }

    boolean holds(Map<String, Object> resolved) {
        return test.test(resolved.get(on.name()));
    }

    /** "edges=fixed-range or global-minmax", "probeRows". */
    @Override
    public String toString() {
        return text;
    }

    /** How things stand instead: "edges=fixed-width", "no probeRows". */
    String instead(Map<String, Object> resolved) {
        Object v = resolved.get(on.name());
        return v == null ? "no " + on.name() : on.name() + "=" + jsonOf(on, v);
    }

    @SuppressWarnings("unchecked")
    private static <T> Object jsonOf(Param<T> p, Object value) {
        return p.type().toJson((T) value);
    }

    private static String orList(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        List<String> head = items.subList(0, items.size() - 1);
        return String.join(", ", head) + " or " + items.get(items.size() - 1);
    }
}
