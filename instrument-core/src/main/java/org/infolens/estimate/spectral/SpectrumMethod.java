package org.infolens.estimate.spectral;

import org.infolens.config.Config;
import org.infolens.config.Param;

/**
 * How diffusion spectral entropy gets the entropy of the diffusion operator's spectrum: all
 * eigenvalues by LAPACK ({@link ExactSpectrum}), stochastic Lanczos quadrature for large N
 * ({@link LanczosQuadrature}), or, the default, exact up to {@code exactMaxN} rows and slq above
 * ({@link AutoSpectrum}).
 */
public sealed interface SpectrumMethod permits ExactSpectrum, LanczosQuadrature, AutoSpectrum {

    /** The methods, as the {@code method} parameter names them. */
    enum Kind {
        EXACT, SLQ, AUTO
    }

    Param<Kind> METHOD = Param.choice("method", Kind.AUTO, "exact: every eigenvalue by LAPACK (values only); slq: stochastic"
            + " Lanczos quadrature, for large N, with its standard error; auto: exact up to exactMaxN rows, slq above");
    Param<Integer> EXACT_MAX_N = Param.integer("exactMaxN", 5_000, "auto: the most rows computed exactly (O(N^3): about a minute"
            + " at 5,000 on 2 cores); slq above").onlyWhen(METHOD, Kind.AUTO).check(n -> n >= 2, ">= 2");
    Param<Integer> RANK = Param.integer("rank", 64, "slq: leading eigenvalues found by a randomized range finder")
            .onlyWhen(METHOD, Kind.SLQ, Kind.AUTO).check(r -> r >= 0, ">= 0");
    Param<Integer> PROBES = Param.integer("probes", 16, "slq: Rademacher probe vectors").onlyWhen(METHOD, Kind.SLQ, Kind.AUTO)
            .check(p -> p >= 2, ">= 2");
    Param<Integer> STEPS = Param.integer("steps", 40, "slq: Lanczos steps per probe").onlyWhen(METHOD, Kind.SLQ, Kind.AUTO)
            .check(s -> s >= 2, ">= 2");

    /** The method a configuration declaring {@link #METHOD} names. */
    static SpectrumMethod of(Config c) {
        return switch (c.get(METHOD)) {
            case EXACT -> new ExactSpectrum();
            case SLQ -> new LanczosQuadrature(c.get(RANK), c.get(PROBES), c.get(STEPS));
            case AUTO -> new AutoSpectrum(c.get(EXACT_MAX_N), new LanczosQuadrature(c.get(RANK), c.get(PROBES), c.get(STEPS)));
        };
    }

    /** "exact", "slq" or "auto", as the {@code method} parameter takes them. */
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
