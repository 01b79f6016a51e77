package org.infolens.estimate.interval;

import java.util.Map;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;

/**
 * How confidence intervals are computed.
 *
 * @param method    bootstrap, subsampling, or auto (null too) to let each measure choose: subsampling
 *                  where repeated rows bias it (plug-in and k-NN estimators), the bootstrap otherwise
 * @param resamples bootstrap replicates, or random splits per subsample size
 * @param level     coverage, e.g. 0.95
 * @param seed      seed of the resampling
 */
public record IntervalSettings(Method method, int resamples, double level, long seed) {

    /** Resampling schemes. */
    public enum Method {
        /** Each measure's own: {@link #SUBSAMPLING} where repeated rows bias it, {@link #BOOTSTRAP} otherwise. */
        AUTO,
        /** Rows drawn with replacement; percentile interval around the estimate. */
        BOOTSTRAP,
        /**
         * Disjoint halves and quarters of the rows (Holmes and Nemenman 2019): the estimate is
         * extrapolated linearly in 1/N to infinite N, its spread from the subsamples' variance, which
         * scales as 1/N.
         */
        SUBSAMPLING
    }

    public static final Param<Method> METHOD = Param.choice("method", Method.AUTO, "auto (each measure's own), bootstrap, or"
            + " subsampling at N/2 and N/4 with extrapolation in 1/N (Holmes & Nemenman)");
    public static final Param<Integer> RESAMPLES = Param.integer("resamples", 10, "bootstrap replicates (at least 100 are used) or"
            + " random splits per subsample size").check(r -> r >= 2, ">= 2");
    public static final Param<Double> LEVEL = Param.real("level", 0.95, "coverage").check(l -> l > 0 && l < 1, "in (0, 1)");
    public static final Param<Long> SEED = Param.seed("seed", "seed of the resampling");
    public static final ParameterSet PARAMETERS = ParameterSet.of(METHOD, RESAMPLES, LEVEL, SEED);

    private static final String OWNER = "intervals";

    public IntervalSettings {
        method = method == null ? Method.AUTO : method;
        RESAMPLES.requireValid(OWNER, resamples);
        LEVEL.requireValid(OWNER, level);
    }

    /** Each measure's own method, 95 percent, seed 0; 100 bootstrap replicates or 10 splits per size. */
    public static IntervalSettings defaults() {
        return of(PARAMETERS.defaults(OWNER));
    }

    /** The settings of a configuration of {@link #PARAMETERS}. */
    public static IntervalSettings of(Config c) {
        return new IntervalSettings(c.get(METHOD), c.get(RESAMPLES), c.get(LEVEL), c.get(SEED));
    }

    /** Replicates for the bootstrap: at least 100, for percentiles to mean something. */
    int bootstrapReplicates() {
        return Math.max(resamples, 100);
    }

    /** What was used, as recorded: the method chosen and the resamples drawn; they give the same intervals again. */
    Map<String, Object> parameters(Method used) {
        return PARAMETERS.builder(OWNER).set(METHOD, used).set(RESAMPLES, used == Method.BOOTSTRAP ? bootstrapReplicates() : resamples)
                .set(LEVEL, level).set(SEED, seed).build().asMap();
    }
}
