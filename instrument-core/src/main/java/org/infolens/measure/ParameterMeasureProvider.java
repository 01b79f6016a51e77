package org.infolens.measure;

import java.util.List;
import java.util.function.Function;
import org.infolens.config.Config;
import org.infolens.config.ParameterSet;

/**
 * A family of {@link ParameterMeasure}s (of weights, of gradients) for the catalog, registered in
 * {@code META-INF/services/org.infolens.measure.ParameterMeasureProvider} as {@link MeasureProvider}s
 * are in theirs.
 */
public abstract class ParameterMeasureProvider extends Family<ParameterMeasure> {

    protected ParameterMeasureProvider(String name, String description, ParameterSet parameters, List<Output> outputs,
                                       Function<Config, ? extends ParameterMeasure> make) {
        super(name, description, parameters, outputs, make);
    }
}
