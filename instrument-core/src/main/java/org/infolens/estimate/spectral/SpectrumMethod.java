package org.infolens.estimate.spectral;

import org.infolens.config.Config;
import org.infolens.config.Param;

/**
 * How diffusion spectral entropy gets the entropy of the diffusion operator's spectrum: all
 * eigenvalues by LAPACK ({@link ExactSpectrum}), or stochastic Lanczos quadrature for large N
 * ({@link LanczosQuadrature}).
 */
public sealed interface SpectrumMethod permits ExactSpectrum, LanczosQuadrature {

    /** The methods, as the {@code method} parameter names them. */
    enum Kind {
        EXACT, SLQ
    }

    Param<Kind> METHOD = Param.choice("method", Kind.EXACT, "exact: every eigenvalue by LAPACK (values only); slq: stochastic"
            + " Lanczos quadrature, for large N");
    Param<Integer> RANK = Param.integer("rank", 64, "slq: leading eigenvalues found by a randomized range finder")
            .onlyWhen(METHOD, Kind.SLQ).check(r -> r >= 0, ">= 0");
    Param<Integer> PROBES = Param.integer("probes", 16, "slq: Rademacher probe vectors").onlyWhen(METHOD, Kind.SLQ)
            .check(p -> p >= 2, ">= 2");
    Param<Integer> STEPS = Param.integer("steps", 40, "slq: Lanczos steps per probe").onlyWhen(METHOD, Kind.SLQ)
            .check(s -> s >= 2, ">= 2");

    /** The method a configuration declaring {@link #METHOD} names. */
    static SpectrumMethod of(Config c) {
        return c.get(METHOD) == Kind.SLQ ? new LanczosQuadrature(c.get(RANK), c.get(PROBES), c.get(STEPS)) : new ExactSpectrum();
    }

    /** "exact" or "slq", as the {@code method} parameter takes them. */
    String name();

    /** Sets this method and its settings in a configuration under construction. */
    Config.Builder configure(Config.Builder b);

    /**
     * The entropy, in bits, of p = |lambda|^t / sum |lambda|^t over the eigenvalues lambda of the
     * diffusion operator of the n x d row-major points {@code z}.
     */
    Result entropy(double[] z, int n, int d, Bandwidth bandwidth, double t, long seed);

    /**
     * @param bits          the entropy in bits
     * @param sigma         the kernel width used
     * @param standardError the method's own sampling error in bits (0 when exact)
     * @param method        what actually ran (an approximate method falls back to exact on small N)
     */
    record Result(double bits, double sigma, double standardError, String method) {
    }
}
