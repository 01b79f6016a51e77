package org.infolens.estimate.knn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.infolens.measure.Parameters;

/**
 * What every k-NN estimator is configured by: k, the norm, and the tie-breaking jitter with its seed.
 *
 * @param k      neighbours (3 as in NPEET and scikit-learn; JIDT uses 4)
 * @param norm   max-norm (default) or Euclidean
 * @param jitter Gaussian jitter sd, relative to each column's scale (default 1e-10; 0 = none)
 * @param seed   seed of the jitter
 */
public record KnnSettings(int k, Norm norm, double jitter, long seed) {

    public static final int DEFAULT_K = 3;
    public static final double DEFAULT_JITTER = 1e-10;

    public KnnSettings {
        if (k < 1) {
            throw new IllegalArgumentException("k-NN estimators need k >= 1, got " + k);
        }
        if (norm == null) {
            throw new IllegalArgumentException("norm must be max or euclidean");
        }
        if (!(jitter >= 0) || Double.isInfinite(jitter)) {
            throw new IllegalArgumentException("jitter must be a finite number >= 0, got " + jitter);
        }
    }

    public static KnnSettings defaults() {
        return new KnnSettings(DEFAULT_K, Norm.MAX, DEFAULT_JITTER, 0);
    }

    /** The same settings with another k. */
    public KnnSettings withK(int newK) {
        return new KnnSettings(newK, norm, jitter, seed);
    }

    /** Reads k, norm, jitter and seed (the names of the reference implementation where it has them). */
    static KnnSettings from(Parameters p) {
        Norm norm = Norm.valueOf(p.choice("norm", "max", List.of("max", "euclidean")).toUpperCase(Locale.ROOT));
        return new KnnSettings(p.integer("k", DEFAULT_K), norm, p.real("jitter", DEFAULT_JITTER), p.integer("seed", 0));
    }

    static final List<String> PARAMETER_NAMES = List.of("k", "norm", "jitter", "seed");

    Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", k);
        m.put("norm", norm.parameterValue());
        m.put("jitter", jitter);
        m.put("seed", seed);
        return m;
    }

    /** A short tag for labels, e.g. "k3-max". */
    String tag() {
        return "k" + k + "-" + norm.parameterValue();
    }
}
