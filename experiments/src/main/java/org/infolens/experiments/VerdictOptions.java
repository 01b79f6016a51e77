package org.infolens.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.estimate.interval.WithReliabilityVerdict;
import org.infolens.measure.MeasureSpec;
import picocli.CommandLine.Option;

/**
 * {@code --verdict} and {@code --verdict-param}, for every command that estimates ({@code estimate},
 * the image experiments' {@code run}): the verdict becomes the {@code verdict} object of each measure's
 * parameters, as a record holds it, so a recorded measure replays with it.
 */
public final class VerdictOptions {

    @Option(names = "--verdict", description = "add a reliability verdict on each value (details.verdict): estimates on gamma ="
            + " 1..10 disjoint subsets, extrapolated to infinite N when linear in gamma, else unreliable with the reason; the"
            + " permutation null and the ceilings the value sits at")
    boolean verdict;

    @Option(names = "--verdict-param", paramLabel = "NAME=VALUE", description = "a verdict setting, repeatable: maxGamma (10),"
            + " minPoints (5), ratio (0.1), level (0.95), shuffles (3), seed (0)")
    List<String> params = new ArrayList<>();

    /** Whether {@code --verdict} or a {@code --verdict-param} was given. */
    public boolean active() {
        return verdict || !params.isEmpty();
    }

    /** {@code spec} with the verdict object among its parameters when {@code --verdict} was given. */
    public MeasureSpec applyTo(MeasureSpec spec) {
        if (!verdict) {
            if (!params.isEmpty()) {
                throw new IllegalArgumentException("--verdict-param needs --verdict");
            }
            return spec;
        }
        Map<String, Object> p = new LinkedHashMap<>(spec.params());
        p.put(WithReliabilityVerdict.PARAMETER, MeasureSpec.of("--verdict-param", params).params());
        return new MeasureSpec(spec.name(), p);
    }
}
