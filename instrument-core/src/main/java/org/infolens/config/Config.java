package org.infolens.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One estimator's configuration: a value for every parameter of its {@link ParameterSet} that applies,
 * defaults included, checked when it was made. Immutable; {@link #asMap()} is what the estimator's
 * {@code parameters()} returns, in declaration order.
 */
public final class Config {

    private final String owner;
    private final ParameterSet parameters;
    private final Map<String, Object> given;  // typed values as given, to derive variants from
    private final Map<String, Object> values; // typed, resolved, in declaration order

    Config(String owner, ParameterSet parameters, Map<String, Object> given, Map<String, Object> values) {
        this.owner = owner;
        this.parameters = parameters;
        this.given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The estimator this configures, as errors name it. */
    public String owner() {
        return owner;
    }

    public ParameterSet parameterSet() {
        return parameters;
    }

    /** The value of {@code p}; IllegalStateException when it does not apply here (ask {@link #has} first). */
    public <T> T get(Param<T> p) {
        return find(p).orElseThrow(() -> new IllegalStateException(owner + ": parameter " + p.name() + " has no value in " + this));
    }

    /** The value of {@code p}, empty when it does not apply or has no default and was not given. */
    @SuppressWarnings("unchecked") // the set checked that p's name is declared with p's type
    public <T> Optional<T> find(Param<T> p) {
        parameters.declared(p);
        return Optional.ofNullable((T) values.get(p.name()));
    }

    public boolean has(Param<?> p) {
        parameters.declared(p);
        return values.containsKey(p.name());
    }

    /** The same configuration with {@code p} set to {@code value}, checked again (other defaults follow it). */
    public <T> Config with(Param<T> p, T value) {
        return toBuilder().set(p, value).build();
    }

    /** A builder that starts from what this configuration was given. */
    public Builder toBuilder() {
        Builder b = new Builder(owner, parameters);
        b.given.putAll(given);
        return b;
    }

    /** Every value by name, in declaration order, as numbers, booleans and strings: the estimator's {@code parameters()}. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((name, v) -> m.put(name, json(parameters.declared(name), v)));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static <T> Object json(Param<T> p, Object v) {
        return p.toJson((T) v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && owner.equals(c.owner) && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /** Typed values for one configuration; {@link #build()} resolves defaults and checks everything. */
    public static final class Builder {
        private final String owner;
        private final ParameterSet parameters;
        private final Map<String, Object> given = new LinkedHashMap<>();

        Builder(String owner, ParameterSet parameters) {
            this.owner = owner;
            this.parameters = parameters;
        }

        /** Sets {@code p}; null takes the default again. */
        public <T> Builder set(Param<T> p, T value) {
            parameters.declared(p);
            if (value == null) {
                given.remove(p.name());
            } else {
                given.put(p.name(), value);
            }
            return this;
        }

        public Config build() {
            return parameters.resolve(owner, given);
        }
    }
}
