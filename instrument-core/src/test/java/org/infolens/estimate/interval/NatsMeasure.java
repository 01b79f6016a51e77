package org.infolens.estimate.interval;

import java.util.List;
import java.util.Map;
import org.infolens.measure.Measure;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;

/** A test estimator of one value, I(T;Z) in nats, without parameters. */
interface NatsMeasure extends Measure {
    @Override
    default String name() {
        return getClass().getSimpleName();
    }

    @Override
    default Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    default List<Output> outputs() {
        return List.of(Output.of("I", "I(T;Z)", Unit.NATS));
    }
}
