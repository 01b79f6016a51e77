package org.infolens.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * How a parameter's values read from text (a command line, a spec) and from JSON (a record, run.json),
 * and how they are written into a measure's {@code parameters()}. One instance per kind of value.
 *
 * @param <T> the Java type of the values
 */
public final class ValueType<T> {

    /** Whole numbers in the int range. */
    public static final ValueType<Integer> INTEGER = new ValueType<>("an integer", List.of(), Integer::parseInt, v -> v);
    /** Whole numbers in the long range (seeds). */
    public static final ValueType<Long> LONG = new ValueType<>("an integer", List.of(), Long::parseLong, v -> v);
    /** Finite numbers. */
    public static final ValueType<Double> REAL = new ValueType<>("a number", List.of(), ValueType::finite, v -> v);
    /** true or false. */
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>("true or false", List.of("true", "false"),
            ValueType::strictBoolean, v -> v);

    private final String description;
    private final List<String> words;
    private final Function<String, T> parse;
    private final Function<T, Object> json;

    private ValueType(String description, List<String> words, Function<String, T> parse, Function<T, Object> json) {
        this.description = description;
        this.words = List.copyOf(words);
        this.parse = parse;
        this.json = json;
    }

    /**
     * A type of its own: {@code parse} turns text into a value (throwing IllegalArgumentException when it
     * cannot), {@code json} gives the value's form in {@code parameters()} (a number, boolean or string).
     *
     * @param description what the text may be, for messages: "a number > 0, sqrt-d or median"
     * @param words       the fixed words the text may be, for help texts (empty when any number goes)
     */
    public static <T> ValueType<T> of(String description, List<String> words, Function<String, T> parse, Function<T, Object> json) {
        return new ValueType<>(description, words, parse, json);
    }

    /** The constants of an enum, written in lower case with '-' for '_': FIXED_RANGE is "fixed-range". */
    public static <E extends Enum<E>> ValueType<E> of(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(ValueType::word).toList();
        return new ValueType<>("one of " + String.join(", ", names), names, text -> {
            for (E e : type.getEnumConstants()) {
                if (word(e).equalsIgnoreCase(text)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("not one of " + names);
        }, ValueType::word);
    }

    /** A number, or {@code word} for "none given" (an empty OptionalDouble): "auto" for a limit found from the data. */
    public static ValueType<OptionalDouble> numberOr(String word) {
        return new ValueType<>("a number or " + word, List.of(word),
                text -> text.equalsIgnoreCase(word) ? OptionalDouble.empty() : OptionalDouble.of(finite(text)),
                v -> v.isPresent() ? (Object) v.getAsDouble() : word);
    }

    /** The text form of an enum constant. */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the text may be: "an integer", "one of upper, lower". */
    public String description() {
        return description;
    }

    /** The fixed words this type takes (an enum's constants, "auto"), for help texts; empty for plain numbers. */
    public List<String> words() {
        return words;
    }

    /** A value from its text; IllegalArgumentException naming what the text must be. */
    public T parse(String text) {
        try {
            return parse.apply(text.trim());
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException("must be " + description + ", got '" + text + "'");
        }
    }

    /**
     * A value as JSON gives it back: a string is parsed; a number or boolean is read from its text
     * form, except that an integer type takes a whole number written with a fraction (30.0).
     */
    public T read(Object json) {
        if (json instanceof String s) {
            return parse(s);
        }
        if (json instanceof Double d && (this == INTEGER || this == LONG) && d == Math.rint(d) && !Double.isInfinite(d)) {
            return parse(Long.toString(d.longValue()));
        }
        if (json instanceof Number || json instanceof Boolean) {
            return parse(String.valueOf(json));
        }
        throw new IllegalArgumentException("must be " + description + ", got " + json);
    }

    /** The value as {@code parameters()} holds it. */
    public Object toJson(T value) {
        return json.apply(value);
    }

    private static double finite(String text) {
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not finite");
        }
        return v;
    }

    private static boolean strictBoolean(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("not a boolean");
    }

    @Override
    public String toString() {
        return description;
    }
}
