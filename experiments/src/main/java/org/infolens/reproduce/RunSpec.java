package org.infolens.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One experiment run a claim needs, once per seed: the experiment (as {@code ./infolens run} names it)
 * and its options, those of the full suite (the paper's epochs) and those of {@code --quick} (short
 * runs). The seed is added per run as {@code --seed S}. Claims that name equal specs share their runs;
 * the name gives the runs' directories ({@code NAME-sS}, {@code NAME-quick-sS}).
 *
 * @param name       directory name of its runs, unique in the registry
 * @param experiment the experiment's name in {@link org.infolens.experiments.ExperimentCatalog}
 * @param common     options of both modes
 * @param full       options of the full suite only
 * @param quick      options of {@code --quick} only
 */
public record RunSpec(String name, String experiment, List<String> common, List<String> full, List<String> quick) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    public RunSpec {
        Objects.requireNonNull(experiment, "experiment");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a run's name must be lower-case letters, digits, '.' and '-', got '" + name + "'");
        }
        common = List.copyOf(common);
        full = List.copyOf(full);
        quick = List.copyOf(quick);
        for (List<String> options : List.of(common, full, quick)) {
            if (options.contains("--seed") || options.contains("--seeds") || options.contains("--out")) {
                throw new IllegalArgumentException("run '" + name + "': --seed, --seeds and --out are set per run, not in its options");
            }
        }
    }

    /** A run of {@code experiment} with {@code options} in both modes; add mode options with {@link #full} and {@link #quick}. */
    public static RunSpec of(String name, String experiment, String... options) {
        return new RunSpec(name, experiment, List.of(options), List.of(), List.of());
    }

    /** The same run with these options in the full suite only. */
    public RunSpec full(String... options) {
        return new RunSpec(name, experiment, common, List.of(options), quick);
    }

    /** The same run with these options under {@code --quick} only. */
    public RunSpec quick(String... options) {
        return new RunSpec(name, experiment, common, full, List.of(options));
    }

    /** The options of one mode (without the seed). */
    public List<String> options(boolean quickMode) {
        List<String> all = new ArrayList<>(common);
        all.addAll(quickMode ? quick : full);
        return all;
    }

    /** The directory name of the run of {@code seed}. */
    public String directoryName(boolean quickMode, long seed) {
        return name + (quickMode ? "-quick" : "") + "-s" + seed;
    }
}
