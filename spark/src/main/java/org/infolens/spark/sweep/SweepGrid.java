package org.infolens.spark.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.infolens.experiments.ExperimentCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a sweep runs: experiment options as {@code ./infolens run} takes them, where an option given a
 * comma list ({@code --activation tanh,relu --l2 0,0.01}) is a variant axis, times the seeds. The
 * grid is the cartesian product of the axes (in the order given, the last varying fastest), each
 * variant run once per seed.
 *
 * @param experiment the experiment's name
 * @param fixed      options every run gets, as given
 * @param axes       option name to its values, in the order given
 * @param seeds      the seeds, distinct, in the order given
 */
public record SweepGrid(String experiment, List<String> fixed, Map<String, List<String>> axes, List<Long> seeds) {

    /** Options the sweep sets itself for each run, or that would write outside it. */
    private static final Set<String> OWN = Set.of("--out", "--overwrite", "--seed", "--seeds", "--resume");

    /** A comma that starts a parameter of a measure spec ({@code ksg:k=5,algorithm=2}) continues it instead of starting a new value. */
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9]*=.*");

    public SweepGrid {
        fixed = List.copyOf(fixed);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        axes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        axes = java.util.Collections.unmodifiableMap(copy);
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("the sweep's grid is empty: no seeds");
        }
        if (new TreeSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("--seeds lists a seed twice: " + seeds);
        }
        axes.forEach((option, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("the sweep's grid is empty: " + option + " has no value");
            }
            if (new TreeSet<>(values).size() != values.size()) {
                throw new IllegalArgumentException(option + " lists a value twice: " + values);
            }
        });
    }

    /**
     * The grid of {@code options} (experiment options as {@code ./infolens run EXPERIMENT} takes them; a
     * comma list makes an axis) and {@code seeds} ({@link #seeds(String)}). Options the sweep sets
     * itself (--out, --seed, ...) are refused; --quiet is implied.
     */
    public static SweepGrid parse(String experiment, List<String> options, List<Long> seeds) {
        org.infolens.experiments.ExperimentCommand command = ExperimentCatalog.named(experiment);
        if (!(command instanceof org.infolens.experiments.TrainingCommand)) {
            throw new IllegalArgumentException(experiment + " records no run (run.json) to sweep: a sweep runs the training experiments ("
                    + "those with --seeds), seed by seed");
        }
        CommandLine.Model.CommandSpec spec = new CommandLine(command).getCommandSpec();
        List<String> fixed = new ArrayList<>();
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            String arg = options.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            OptionSpec o = spec.findOption(name);
            if (o == null) {
                throw new IllegalArgumentException("run " + experiment + " has no option " + arg + " (see ./infolens run " + experiment + " --help)");
            }
            String longName = o.longestName();
            if (OWN.contains(longName)) {
                throw new IllegalArgumentException(longName + " is set by the sweep for each run (--seeds, --out are the sweep's own options)");
            }
            if (longName.equals("--quiet") || o.usageHelp() || o.versionHelp()) {
                continue; // every run of a sweep is quiet; help is not a run
            }
            if (o.arity().max() == 0) {
                fixed.add(longName);
                continue;
            }
            if (value == null) {
                if (i + 1 >= options.size()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = options.get(++i);
            }
            List<String> values = values(value);
            if (values.size() == 1) {
                fixed.add(longName);
                fixed.add(values.get(0));
            } else if (axes.putIfAbsent(longName, values) != null) {
                throw new IllegalArgumentException(longName + " is given a list twice: give every value of a variant axis in one list");
            }
        }
        return new SweepGrid(experiment, fixed, axes, seeds);
    }

    /** {@code value} split at its commas, a comma before {@code name=} continuing a measure spec; empty values refused. */
    static List<String> values(String value) {
        List<String> values = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (!values.isEmpty() && PARAMETER.matcher(part).matches() && values.get(values.size() - 1).contains(":")) {
                values.set(values.size() - 1, values.get(values.size() - 1) + "," + part);
            } else {
                values.add(part.strip());
            }
        }
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("an empty value in the list '" + value + "'");
        }
        return values;
    }

    /** Seeds written as {@code 1-50}, {@code 1,2,3} or {@code 1-10,20}: in that order, each once. */
    public static List<Long> seeds(String spec) {
        List<Long> seeds = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    long from = Long.parseLong(p.substring(0, dash).strip());
                    long to = Long.parseLong(p.substring(dash + 1).strip());
                    if (to < from) {
                        throw new IllegalArgumentException("--seeds " + spec + ": the range " + p + " is empty");
                    }
                    if (to - from >= 100_000) {
                        throw new IllegalArgumentException("--seeds " + spec + ": the range " + p + " has more than 100,000 seeds");
                    }
                    for (long s = from; s <= to; s++) {
                        seeds.add(s);
                    }
                } else if (!p.isEmpty()) {
                    seeds.add(Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seeds " + spec + ": '" + p + "' is not a seed or a range FROM-TO", e);
            }
        }
        return seeds;
    }

    /** The variants: the cartesian product of the axes (one variant, named "", when there are none). */
    public List<Variant> variants() {
        List<Variant> variants = new ArrayList<>(List.of(new Variant(new LinkedHashMap<>())));
        axes.forEach((option, values) -> {
            List<Variant> next = new ArrayList<>();
            for (Variant v : variants) {
                for (String value : values) {
                    Map<String, String> m = new LinkedHashMap<>(v.values());
                    m.put(option, value);
                    next.add(new Variant(m));
                }
            }
            variants.clear();
            variants.addAll(next);
        });
        return variants;
    }

    /** Every (variant, seed), variant by variant. */
    public List<SweepRun> runs() {
        List<SweepRun> runs = new ArrayList<>();
        for (Variant v : variants()) {
            for (long seed : seeds) {
                runs.add(new SweepRun(runName(v, seed), v.name(), v.values(), options(v), seed));
            }
        }
        return runs;
    }

    /** The options of {@code variant}'s runs (without --seed): the fixed ones, then its axis values. */
    public List<String> options(Variant variant) {
        List<String> args = new ArrayList<>(fixed);
        variant.values().forEach((option, value) -> {
            args.add(option);
            args.add(value);
        });
        args.add("--quiet");
        return args;
    }

    /** The directory name of {@code variant}'s run with {@code seed}: experiment, variant, seed. */
    public String runName(Variant variant, long seed) {
        return prefix(variant) + "-s" + seed;
    }

    /** The directory name of {@code variant}'s median run. */
    public String medianName(Variant variant) {
        return prefix(variant) + "-median";
    }

    private String prefix(Variant variant) {
        return variant.name().isEmpty() ? experiment : experiment + "-" + variant.name();
    }

    /**
     * One point of the grid.
     *
     * @param values axis option to its value here
     */
    public record Variant(Map<String, String> values) {

        public Variant {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** {@code activation_relu-l2_0.01}: each axis' option (without dashes) and value, characters unsafe in file names as _. */
        public String name() {
            List<String> parts = new ArrayList<>();
            values.forEach((option, value) -> parts.add((option.replaceFirst("^-+", "") + "_" + value).replaceAll("[^A-Za-z0-9._=+-]", "_")));
            return String.join("-", parts);
        }
    }
}
