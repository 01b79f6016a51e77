package org.infolens.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One declared parameter of an estimator: name, type, default, the checks its values must pass, where
 * it applies, and a one-line doc. Declared once, as a constant beside the estimator, and listed in
 * the estimator's {@link ParameterSet}; builders, text specs and {@code parameters()} all go through
 * it. Immutable: the modifiers return a new declaration.
 *
 * <pre>{@code
 * static final Param<Integer> EPOCHS = Param.integer("epochs", 100, "training epochs of the critic")
 *         .check(e -> e >= 1, ">= 1");
 * static final Param<Double> SPLIT = Param.real("split", 0.5, "share of rows the critic trains on")
 *         .check(s -> s > 0 && s < 1, "in (0, 1)");
 * }</pre>
 *
 * @param <T> the Java type of the values
 */
public final class Param<T> {

    private record Check<T>(Predicate<? super T> ok, String requirement) {
    }

    private record ConditionalDefault<T>(Condition when, T value) {
    }

    private final String name;
    private final ValueType<T> type;
    private final T defaultValue; // null: no default, the parameter is absent unless given
    private final List<ConditionalDefault<T>> conditionalDefaults;
    private final Condition appliesWhen; // null: always
    private final List<Check<T>> checks;
    private final String doc;

    private Param(String name, ValueType<T> type, T defaultValue, List<ConditionalDefault<T>> conditionalDefaults, Condition appliesWhen,
                  List<Check<T>> checks, String doc) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.conditionalDefaults = List.copyOf(conditionalDefaults);
        this.appliesWhen = appliesWhen;
        this.checks = List.copyOf(checks);
        this.doc = Objects.requireNonNull(doc, "doc");
    }

    /** A parameter of any type; {@code defaultValue} null for one that is absent unless given. */
    public static <T> Param<T> of(String name, ValueType<T> type, T defaultValue, String doc) {
        return new Param<>(name, type, defaultValue, List.of(), null, List.of(), doc);
    }

    public static Param<Integer> integer(String name, int defaultValue, String doc) {
        return of(name, ValueType.INTEGER, defaultValue, doc);
    }

    /** An integer parameter without a default: absent unless given. */
    public static Param<Integer> integer(String name, String doc) {
        return of(name, ValueType.INTEGER, null, doc);
    }

    public static Param<Double> real(String name, double defaultValue, String doc) {
        return of(name, ValueType.REAL, defaultValue, doc).check(Double::isFinite, "finite");
    }

    /** A number without a default: absent unless given. */
    public static Param<Double> real(String name, String doc) {
        return of(name, ValueType.REAL, null, doc).check(Double::isFinite, "finite");
    }

    /** A seed: a long, default 0. */
    public static Param<Long> seed(String name, String doc) {
        return of(name, ValueType.LONG, 0L, doc);
    }

    public static Param<Boolean> flag(String name, boolean defaultValue, String doc) {
        return of(name, ValueType.BOOLEAN, defaultValue, doc);
    }

    /** One of an enum's constants, written in lower case ({@link ValueType#of(Class)}). */
    public static <E extends Enum<E>> Param<E> choice(String name, E defaultValue, String doc) {
        return of(name, ValueType.of(defaultValue.getDeclaringClass()), defaultValue, doc);
    }

    /** Values must pass {@code ok}; {@code requirement} completes "name must be ...": ">= 1", "in (0, 1)". */
    public Param<T> check(Predicate<? super T> ok, String requirement) {
        List<Check<T>> c = new ArrayList<>(checks);
        c.add(new Check<>(ok, requirement));
        return new Param<>(name, type, defaultValue, conditionalDefaults, appliesWhen, c, doc);
    }

    /**
     * Applies only when {@code condition} holds (on an earlier parameter): elsewhere it is left out of
     * the configuration, and giving it is an error.
     */
    public Param<T> onlyWhen(Condition condition) {
        return new Param<>(name, type, defaultValue, conditionalDefaults, Objects.requireNonNull(condition), checks, doc);
    }

    /** Applies only when {@code on} has one of {@code values}. */
    @SafeVarargs
    public final <V> Param<T> onlyWhen(Param<V> on, V... values) {
        return onlyWhen(Condition.when(on, values));
    }

    /** Defaults to {@code value} where {@code condition} holds (the first such condition wins), else to its own default. */
    public Param<T> defaultWhen(Condition condition, T value) {
        List<ConditionalDefault<T>> d = new ArrayList<>(conditionalDefaults);
        d.add(new ConditionalDefault<>(condition, value));
        return new Param<>(name, type, defaultValue, d, appliesWhen, checks, doc);
    }

    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    public String doc() {
        return doc;
    }

    /** The default when no condition decides it; null when the parameter has none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The earlier parameters this declaration reads. */
    List<Param<?>> dependsOn() {
        List<Param<?>> d = new ArrayList<>();
        if (appliesWhen != null) {
            d.add(appliesWhen.on());
        }
        conditionalDefaults.forEach(c -> d.add(c.when().on()));
        return d;
    }

    Condition appliesWhen() {
        return appliesWhen;
    }

    boolean applies(Map<String, Object> resolved) {
        return appliesWhen == null || appliesWhen.holds(resolved);
    }

    T defaultFor(Map<String, Object> resolved) {
        for (ConditionalDefault<T> d : conditionalDefaults) {
            if (d.when().holds(resolved)) {
                return d.value();
            }
        }
        return defaultValue;
    }

    /** {@code value} when it passes every check, else IllegalArgumentException "owner: name must be ..., got ...". */
    public T requireValid(String owner, T value) {
        Objects.requireNonNull(value, name);
        for (Check<T> c : checks) {
            if (!c.ok().test(value)) {
                throw new IllegalArgumentException(owner + ": " + name + " must be " + c.requirement() + ", got " + type.toJson(value));
            }
        }
        return value;
    }

    /** The value as {@code parameters()} holds it (a number, boolean or string). */
    public Object toJson(T value) {
        return type.toJson(value);
    }

    /** One line for help texts: "bins  an integer, default 30 (100 with edges=global-minmax); only with ...: doc". */
    public String describe() {
        StringBuilder s = new StringBuilder(name).append(": ").append(doc).append(" (").append(type.description());
        if (defaultValue != null) {
            s.append(", default ").append(type.toJson(defaultValue));
        }
        conditionalDefaults.forEach(d -> s.append(", ").append(type.toJson(d.value())).append(" with ").append(d.when()));
        if (appliesWhen != null) {
            s.append("; only with ").append(appliesWhen);
        }
        return s.append(')').toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
