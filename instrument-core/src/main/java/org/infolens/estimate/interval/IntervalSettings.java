package org.infolens.estimate.interval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How confidence intervals are computed.
 *
 * @param method    bootstrap, subsampling, or null to let each measure choose (subsampling where
 *                  repeated rows bias it: plug-in and k-NN estimators; the bootstrap otherwise)
 * @param resamples bootstrap replicates, or random splits per subsample size
 * @param level     coverage, e.g. 0.95
 * @param seed      seed of the resampling
 */
public record IntervalSettings(Method method, int resamples, double level, long seed) {

    /** Resampling schemes. */
    public enum Method {
        /** Rows drawn with replacement; percentile interval around the estimate. */
        BOOTSTRAP,
        /**
         * Disjoint halves and quarters of the rows (Holmes and Nemenman 2019): the estimate is
         * extrapolated linearly in 1/N to infinite N, its spread from the subsamples' variance, which
         * scales as 1/N.
         */
        SUBSAMPLING;

        public String parameterValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public IntervalSettings {
        if (resamples < 2) {
            throw new IllegalArgumentException("intervals need at least 2 resamples, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval level must be in (0, 1), got " + level);
        }
    }

    /** Each measure's own method, 95 percent, seed 0; 100 bootstrap replicates or 10 splits per size. */
    public static IntervalSettings defaults() {
        return new IntervalSettings(null, 10, 0.95, 0);
    }

    /** Replicates for the bootstrap: at least 100, for percentiles to mean something. */
    int bootstrapReplicates() {
        return Math.max(resamples, 100);
    }

    Map<String, Object> parameters(Method used) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", used.parameterValue());
        m.put("resamples", used == Method.BOOTSTRAP ? bootstrapReplicates() : resamples);
        m.put("level", level);
        m.put("seed", seed);
        return m;
    }
}
