package org.infolens.measure;

import java.util.List;
import java.util.function.Function;

/**
 * A {@link MeasureFactory} from a name, a description, the accepted parameter names and a function that
 * reads them: what most families need. Rejects names the function did not read.
 */
public record MeasureFamily(String name, String description, List<String> parameterNames, Function<Parameters, Measure> make)
        implements MeasureFactory {

    public MeasureFamily {
        parameterNames = List.copyOf(parameterNames);
    }

    @Override
    public Measure create(Parameters p) {
        Measure m = make.apply(p);
        p.requireAllUsed(parameterNames);
        return m;
    }
}
