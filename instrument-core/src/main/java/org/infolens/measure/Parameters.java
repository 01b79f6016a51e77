package org.infolens.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A measure's parameters as text (from a command line, a config file), read with types. Every read
 * marks the name as used; {@link #requireAllUsed} then rejects names nobody read, so a misspelt
 * parameter is an error rather than silently ignored.
 */
public final class Parameters {

    private final String owner;
    private final Map<String, String> values;
    private final Set<String> used = new LinkedHashSet<>();

    private Parameters(String owner, Map<String, String> values) {
        this.owner = owner;
        this.values = new LinkedHashMap<>(values);
    }

    /** @param owner names the measure in error messages */
    public static Parameters of(String owner, Map<String, String> values) {
        return new Parameters(owner, values);
    }

    /** Parses "name=value" items. */
    public static Parameters parse(String owner, List<String> items) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + item + "' for " + owner + " is not of the form name=value");
            }
            String name = item.substring(0, eq).trim();
            if (m.put(name, item.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' for " + owner + " is given twice");
            }
        }
        return new Parameters(owner, m);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String fallback) {
        used.add(name);
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return parsed(name, fallback, Integer::parseInt, "an integer");
    }

    public double real(String name, double fallback) {
        return parsed(name, fallback, Double::parseDouble, "a number");
    }

    private <T> T parsed(String name, T fallback, java.util.function.Function<String, T> parse, String what) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " of " + owner + " must be " + what + ", got '" + v + "'");
        }
    }

    /** One of {@code choices} (case-insensitive), returned lower case. */
    public String choice(String name, String fallback, List<String> choices) {
        String v = string(name, fallback).toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw new IllegalArgumentException("parameter " + name + " of " + owner + " must be one of " + choices + ", got '" + v + "'");
        }
        return v;
    }

    /** Rejects a parameter that was given but does not apply to what was configured. */
    public void rejectUnless(boolean applies, String name, String why) {
        if (!applies && values.containsKey(name)) {
            throw new IllegalArgumentException("parameter " + name + " does not apply to " + owner + " " + why);
        }
    }

    /** Throws when a given parameter was never read: unknown to the measure. */
    public void requireAllUsed(List<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!used.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " for " + owner + "; known: " + String.join(", ", known));
        }
    }
}
