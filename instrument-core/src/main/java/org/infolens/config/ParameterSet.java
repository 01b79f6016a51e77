package org.infolens.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An estimator's parameters in declaration order: the one place its configurations are made and
 * checked, from a typed builder ({@link #builder}), from text or JSON ({@link #read}) or from the
 * defaults. A parameter's applicability and conditional default may read earlier parameters only;
 * rules across parameters ({@link #require}) run once every value is known.
 */
public final class ParameterSet {

    private record Rule(Predicate<Config> ok, String message) {
    }

    private final List<Param<?>> params;
    private final Map<String, Param<?>> byName = new LinkedHashMap<>();
    private final List<Rule> rules;

    private ParameterSet(List<Param<?>> params, List<Rule> rules) {
        this.params = List.copyOf(params);
        this.rules = List.copyOf(rules);
        for (Param<?> p : this.params) {
            for (Param<?> d : p.dependsOn()) {
                if (!byName.containsKey(d.name())) {
                    throw new IllegalStateException("parameter " + p.name() + " depends on " + d.name() + ", which is not declared before it");
                }
            }
            if (byName.put(p.name(), p) != null) {
                throw new IllegalStateException("parameter " + p.name() + " is declared twice");
            }
        }
    }

    public static ParameterSet of(Param<?>... params) {
        return new ParameterSet(List.of(params), List.of());
    }

    /** These parameters, then {@code more}'s (and both sets' rules). */
    public ParameterSet and(ParameterSet more) {
        List<Param<?>> p = new ArrayList<>(params);
        p.addAll(more.params);
        List<Rule> r = new ArrayList<>(rules);
        r.addAll(more.rules);
        return new ParameterSet(p, r);
    }

    /** These parameters, then {@code more}. */
    public ParameterSet and(Param<?>... more) {
        return and(of(more));
    }

    /** A rule across parameters, checked once all are resolved; {@code message} says what it asks ("needs both lo and hi"). */
    public ParameterSet require(Predicate<Config> ok, String message) {
        List<Rule> r = new ArrayList<>(rules);
        r.add(new Rule(ok, message));
        return new ParameterSet(params, r);
    }

    public List<Param<?>> params() {
        return params;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public boolean declares(String name) {
        return byName.containsKey(name);
    }

    /** Every default, for the estimator called {@code owner}. */
    public Config defaults(String owner) {
        return resolve(owner, Map.of());
    }

    /** A builder that starts from the defaults; {@code owner} names the estimator in errors. */
    public Config.Builder builder(String owner) {
        return new Config.Builder(owner, this);
    }

    /**
     * A configuration from values by name, as text ("30", "fixed-range") or as JSON gives them back
     * (30, 1.0E-10, true, "auto"): a record's or run.json's parameters replay through here. Unknown
     * names, values of the wrong type, failed checks and parameters that do not apply are errors
     * naming the estimator.
     */
    public Config read(String owner, Map<String, ?> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        rejectUnknown(owner, values.keySet());
        values.forEach((name, v) -> {
            try {
                typed.put(name, byName.get(name).type().read(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(owner + ": " + name + " " + e.getMessage());
            }
        });
        return resolve(owner, typed);
    }

    /** Throws when a name is not declared here, listing those that are. */
    public void rejectUnknown(String owner, Iterable<String> names) {
        List<String> unknown = new ArrayList<>();
        names.forEach(n -> {
            if (!byName.containsKey(n)) {
                unknown.add(n);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " for " + owner + "; known: " + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
        }
    }

    /** Resolves typed values given by name, in declaration order: the one place configurations are checked. */
    Config resolve(String owner, Map<String, Object> given) {
        rejectUnknown(owner, given.keySet());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param<?> p : params) {
            Object v = given.get(p.name());
            if (!p.applies(values)) {
                if (v != null) {
                    throw new IllegalArgumentException(owner + ": " + p.name() + " applies only with " + p.appliesWhen() + ", not with "
                            + p.appliesWhen().instead(values));
                }
                continue;
            }
            if (v == null) {
                v = p.defaultFor(values);
            }
            if (v != null) {
                values.put(p.name(), checked(owner, p, v));
            }
        }
        Config c = new Config(owner, this, given, values);
        for (Rule r : rules) {
            if (!r.ok().test(c)) {
                throw new IllegalArgumentException(owner + ": " + r.message());
            }
        }
        return c;
    }

    /** The declaration of {@code p}'s name here; IllegalStateException for a parameter this set does not declare. */
    Param<?> declared(Param<?> p) {
        Param<?> d = byName.get(p.name());
        if (d == null || d.type() != p.type()) {
            throw new IllegalStateException("parameter " + p.name() + " is not declared in " + names());
        }
        return d;
    }

    Param<?> declared(String name) {
        return byName.get(name);
    }

    @SuppressWarnings("unchecked") // values come typed from Config.Builder.set or from p's own type
    private static <T> Object checked(String owner, Param<T> p, Object value) {
        return p.requireValid(owner, (T) value);
    }

    /** One line per parameter, for help texts. */
    public List<String> describe() {
        return params.stream().map(Param::describe).toList();
    }

    @Override
    public String toString() {
        return "ParameterSet" + names();
    }
}
