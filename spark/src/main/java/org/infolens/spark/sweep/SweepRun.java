package org.infolens.spark.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a sweep, as a Spark task gets it.
 *
 * @param name    its directory's name under the sweep's output directory
 * @param variant its variant's name ("" without axes)
 * @param values  the variant's axis values (option to value)
 * @param options the experiment options, without --seed
 * @param seed    its seed
 */
public record SweepRun(String name, String variant, Map<String, String> values, List<String> options, long seed) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SweepRun {
        // plain JDK collections: they travel to executors with Java serialisation
        values = new LinkedHashMap<>(values);
        options = new ArrayList<>(options);
    }

    /** What {@code ./infolens run EXPERIMENT} is given for this run, {@code --out} aside. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(options);
        args.add("--seed");
        args.add(String.valueOf(seed));
        return args;
    }
}
