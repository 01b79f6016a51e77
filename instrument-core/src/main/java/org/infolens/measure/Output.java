package org.infolens.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One value an estimator gives, as it declares it: its name in estimates and records, how figures
 * and reports call it, its unit, and the quantity it estimates where figures need one.
 *
 * @param name     the value's name ("I_XT", "F")
 * @param display  its name for people ("I(X;T)", "effective features F")
 * @param unit     its unit
 * @param quantity what it estimates, or null when no figure needs to know
 */
public record Output(String name, String display, Unit unit, Quantity quantity) {

    public Output {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(unit, "unit");
    }

    /** An information quantity in bits, named and displayed as the quantity. */
    public static Output bits(Quantity quantity) {
        return new Output(quantity.name(), quantity.display(), Unit.BITS, quantity);
    }

    /** Another value: {@code of("DSE", "DSE", Unit.BITS)}, {@code of("F", "effective features F", Unit.COUNT)}. */
    public static Output of(String name, String display, Unit unit) {
        return new Output(name, display, unit, null);
    }

    /**
     * The units of {@code values}' names as {@code outputs} declare them; an IllegalArgumentException
     * for a value no output declares (its unit would be a guess).
     */
    public static Map<String, Unit> unitsOf(String measure, List<Output> outputs, Iterable<String> values) {
        Map<String, Unit> units = new LinkedHashMap<>();
        for (String v : values) {
            Output o = outputs.stream().filter(d -> d.name().equals(v)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    measure + " gives a value '" + v + "' that it does not declare (declared: "
                            + outputs.stream().map(Output::name).toList() + ")"));
            units.put(v, o.unit());
        }
        return units;
    }
}
