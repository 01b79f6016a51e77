package org.infolens.trajectory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.infolens.measure.MeasureRegistry;
import org.infolens.measure.Output;
import org.infolens.measure.Quantity;
import org.infolens.measure.Unit;

/**
 * What a record's values are, as their measure declares them ({@link Output}): for figures and reports,
 * which value estimates I(X;T), how to call it, in which unit. The {@value TrainingRecord#MEASURE}
 * record declares its own; every other measure's declarations come from its registered family.
 */
public final class ValueNames {

    private ValueNames() {
    }

    /** The outputs {@code measure} declares; empty for a measure no registered family has. */
    public static List<Output> outputs(String measure) {
        return measure.equals(TrainingRecord.MEASURE) ? TrainingRecord.OUTPUTS : MeasureRegistry.outputs(measure);
    }

    /** The name of the value of {@code measure} that estimates {@code q}, when it declares one. */
    public static Optional<String> valueOf(String measure, Quantity q) {
        return outputs(measure).stream().filter(o -> o.quantity() == q).map(Output::name).findFirst();
    }

    /** "I(X;T)" for binning's "I_XT"; a value no declaration names, as it is. */
    public static String display(String measure, String value) {
        return outputs(measure).stream().filter(o -> o.name().equals(value)).map(Output::display).findFirst().orElse(value);
    }

    /** "I(X;T)  [bits]": information carries its unit, counts and plain numbers go without. */
    public static String withUnit(String display, Unit unit) {
        return unit == Unit.BITS || unit == Unit.NATS ? display + "  [" + unit.word() + "]" : display;
    }

    /**
     * The units of a record written before values carried them (schema 1, {@code values_bits}): as the
     * measure declares them, else bits, which is what that field said.
     */
    static Map<String, Unit> declaredUnits(String measure, Iterable<String> values) {
        Map<String, Unit> units = new LinkedHashMap<>();
        List<Output> declared = outputs(measure);
        for (String v : values) {
            units.put(v, declared.stream().filter(o -> o.name().equals(v)).map(Output::unit).findFirst().orElse(Unit.BITS));
        }
        return units;
    }
}
