package org.infolens.estimate.interval;

import java.util.Map;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;

/**
 * How the reliability verdict is reached (Abdelaleem, Martini and Nemenman 2025).
 *
 * @param maxGamma  the most disjoint subsets the rows are split into (gamma = 1 .. maxGamma)
 * @param minPoints subset sizes that must survive the linearity check for a reliable verdict
 * @param ratio     the largest |a2 / a1| of the quadratic fit that counts as linear, gamma measured in units of
 *                  the largest gamma in the fit (the quadratic term's share of the linear one at its far end)
 * @param level     coverage of the extrapolated value's interval
 * @param shuffles  estimates on shuffled pairings for the permutation null (0 = none)
 * @param seed      seed of the subsets and shuffles
 */
public record VerdictSettings(int maxGamma, int minPoints, double ratio, double level, int shuffles, long seed) {

    public static final Param<Integer> MAX_GAMMA = Param.integer("maxGamma", 10, "the most disjoint subsets of N / gamma rows"
            + " (gamma = 1 .. maxGamma)").check(g -> g >= 2, ">= 2");
    public static final Param<Integer> MIN_POINTS = Param.integer("minPoints", 5, "subset sizes that must survive the linearity"
            + " check for a reliable verdict").check(p -> p >= 3, ">= 3");
    public static final Param<Double> RATIO = Param.real("ratio", 0.1, "the largest |a2 / a1| of the quadratic fit that counts as"
            + " linear, gamma in units of the largest gamma fitted (|a2| gammaMax / |a1|)").check(r -> r > 0, "> 0");
    public static final Param<Double> LEVEL = Param.real("level", 0.95, "coverage of the extrapolated value's interval")
            .check(l -> l > 0 && l < 1, "in (0, 1)");
    public static final Param<Integer> SHUFFLES = Param.integer("shuffles", 3, "estimates on shuffled pairings of the activations"
            + " with the probe (permutation null); 0 = none").check(s -> s >= 0, ">= 0");
    public static final Param<Long> SEED = Param.seed("seed", "seed of the subsets and shuffles");
    public static final ParameterSet PARAMETERS = ParameterSet.of(MAX_GAMMA, MIN_POINTS, RATIO, LEVEL, SHUFFLES, SEED)
            .require(c -> c.get(MAX_GAMMA) >= c.get(MIN_POINTS), "maxGamma must be >= minPoints");

    private static final String OWNER = "verdict";

    public VerdictSettings {
        MAX_GAMMA.requireValid(OWNER, maxGamma);
        MIN_POINTS.requireValid(OWNER, minPoints);
        RATIO.requireValid(OWNER, ratio);
        LEVEL.requireValid(OWNER, level);
        SHUFFLES.requireValid(OWNER, shuffles);
        if (maxGamma < minPoints) {
            throw new IllegalArgumentException("verdict: maxGamma (" + maxGamma + ") must be >= minPoints (" + minPoints + ")");
        }
    }

    /** gamma = 1 .. 10, 5 surviving points, |a2/a1| < 0.1, 95 percent, 3 shuffles, seed 0. */
    public static VerdictSettings defaults() {
        return of(PARAMETERS.defaults(OWNER));
    }

    public static VerdictSettings of(Config c) {
        return new VerdictSettings(c.get(MAX_GAMMA), c.get(MIN_POINTS), c.get(RATIO), c.get(LEVEL), c.get(SHUFFLES), c.get(SEED));
    }

    Map<String, Object> parameters() {
        return PARAMETERS.builder(OWNER).set(MAX_GAMMA, maxGamma).set(MIN_POINTS, minPoints).set(RATIO, ratio).set(LEVEL, level)
                .set(SHUFFLES, shuffles).set(SEED, seed).build().asMap();
    }
}
