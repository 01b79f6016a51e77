package org.infolens.measure;

import java.util.Map;
import java.util.Objects;
import org.infolens.config.Config;

/**
 * A measure made from a configuration of its declared parameters: its name, {@link #parameters()} (the
 * configuration's values, in declaration order) and {@code toString()} come from there, so that an
 * estimator writes only {@link #estimate} (and {@link #label()} where its configurations need telling
 * apart).
 */
public abstract class ConfiguredMeasure implements Measure {

    private final String name;
    protected final Config config;

    protected ConfiguredMeasure(String name, Config config) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Object> parameters() {
        return config.asMap();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + parameters();
    }
}
