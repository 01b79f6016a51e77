package org.infolens.estimate.spectral;

import java.util.Map;

/**
 * How diffusion spectral entropy gets the entropy of the diffusion operator's spectrum: all
 * eigenvalues by LAPACK ({@link ExactSpectrum}), or stochastic Lanczos quadrature for large N
 * ({@link LanczosQuadrature}).
 */
public sealed interface SpectrumMethod permits ExactSpectrum, LanczosQuadrature {

    /** "exact" or "slq", as the {@code method} parameter takes them. */
    String name();

    /** The method's own settings (empty for exact). */
    Map<String, Object> parameters();

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
