package org.infolens.measure;

import java.util.List;
import java.util.function.Function;
import org.infolens.config.Config;
import org.infolens.config.ParameterSet;

/**
 * A family of {@link Measure}s for the catalog. Registered in
 * {@code META-INF/services/org.infolens.measure.MeasureProvider}, one class name a line: a jar that
 * registers one adds its estimator to the command line's {@code --measure} and {@code estimate}, to
 * specs read by the listener and to replays of recorded parameters, without any change to infolens.
 *
 * <pre>{@code
 * public static final class Provider extends MeasureProvider {
 *     public Provider() {
 *         super(NAME, "what it estimates", PARAMETERS, List.of(Output.bits(Quantity.H_T)), MyMeasure::new);
 *     }
 * }
 * }</pre>
 */
public abstract class MeasureProvider extends Family<Measure> {

    protected MeasureProvider(String name, String description, ParameterSet parameters, List<Output> outputs,
                              Function<Config, ? extends Measure> make) {
        super(name, description, parameters, outputs, make);
    }
}
