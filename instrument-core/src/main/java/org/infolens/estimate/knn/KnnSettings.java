package org.infolens.estimate.knn;

import java.util.Objects;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;

/**
 * What every k-NN estimator is configured by: k, the norm, and the tie-breaking jitter with its seed.
 *
 * @param k      neighbours
 * @param norm   max-norm or Euclidean
 * @param jitter Gaussian jitter sd, relative to each column's scale (0 = none)
 * @param seed   seed of the jitter
 */
public record KnnSettings(int k, Norm norm, double jitter, long seed) {

    public static final Param<Integer> K = Param.integer("k", 3, "neighbours (3 as in NPEET and scikit-learn; JIDT uses 4)")
            .check(k -> k >= 1, ">= 1");
    public static final Param<Norm> NORM = Param.choice("norm", Norm.MAX, "distance: max-norm (Chebyshev) or euclidean");
    public static final Param<Double> JITTER = Param.real("jitter", 1e-10, "sd of a seeded Gaussian jitter that breaks ties,"
            + " relative to each column's scale; 0 = none").check(j -> j >= 0, ">= 0");
    public static final Param<Long> SEED = Param.seed("seed", "seed of the jitter");
    /** The parameters of kl-entropy and ross; ksg adds its algorithm. */
    public static final ParameterSet PARAMETERS = ParameterSet.of(K, NORM, JITTER, SEED);

    private static final String OWNER = "k-NN estimators";

    public KnnSettings {
        K.requireValid(OWNER, k);
        NORM.requireValid(OWNER, Objects.requireNonNull(norm, "norm"));
        JITTER.requireValid(OWNER, jitter);
    }

    public static KnnSettings defaults() {
        return of(PARAMETERS.defaults(OWNER));
    }

    /** The settings of a configuration that declares them (kl-entropy, ross, ksg). */
    static KnnSettings of(Config c) {
        return new KnnSettings(c.get(K), c.get(NORM), c.get(JITTER), c.get(SEED));
    }

    /** These settings in a configuration of {@code set} under construction. */
    Config.Builder configure(Config.Builder b) {
        return b.set(K, k).set(NORM, norm).set(JITTER, jitter).set(SEED, seed);
    }

    /** A short tag for labels, e.g. "k3-max". */
    String tag() {
        return "k" + k + "-" + NORM.toJson(norm);
    }
}
