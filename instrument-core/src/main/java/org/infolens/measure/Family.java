package org.infolens.measure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.infolens.config.Config;
import org.infolens.config.ParameterSet;

/**
 * What the catalog knows of one estimator family: its name, a line for help texts, its declared
 * parameters and outputs, and how a configuration becomes an estimator. Subclassed by {@link MeasureProvider} and
 * {@link ParameterMeasureProvider}, the types {@link java.util.ServiceLoader} looks up.
 *
 * @param <M> what the family makes
 */
public abstract class Family<M> {

    private final String name;
    private final String description;
    private final ParameterSet parameters;
    private final List<Output> outputs;
    private final Function<Config, ? extends M> make;

    protected Family(String name, String description, ParameterSet parameters, List<Output> outputs, Function<Config, ? extends M> make) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.outputs = List.copyOf(outputs);
        this.make = Objects.requireNonNull(make, "make");
        if (this.outputs.isEmpty() || this.outputs.stream().map(Output::name).distinct().count() != this.outputs.size()) {
            throw new IllegalArgumentException(name + " must declare its outputs, each name once: " + outputs);
        }
    }

    /** The family name, as the estimators' {@code name()} returns it and the command line takes it. */
    public final String name() {
        return name;
    }

    /** One line for help texts. */
    public final String description() {
        return description;
    }

    /** Every parameter the family takes, in the order {@code parameters()} lists them. */
    public final ParameterSet parameters() {
        return parameters;
    }

    /** Every value the family's estimators can give (a configuration may give fewer: no I_TY without labels). */
    public final List<Output> outputs() {
        return outputs;
    }

    /** An estimator of {@code config}, a configuration of {@link #parameters()}. */
    public final M create(Config config) {
        if (config.parameterSet() != parameters) {
            throw new IllegalArgumentException(name + " takes a configuration of its own parameters, got one of " + config.owner());
        }
        return make.apply(config);
    }

    /** An estimator from values by name, as text or as JSON gives them (a spec, a record's params); defaults fill the rest. */
    public final M create(Map<String, ?> values) {
        return create(parameters.read(name, values));
    }

    @Override
    public String toString() {
        return name + parameters.names();
    }
}
