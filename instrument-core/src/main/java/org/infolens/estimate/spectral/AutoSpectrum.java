package org.infolens.estimate.spectral;

import org.infolens.config.Config;

/**
 * The default: the exact spectrum up to {@code exactMaxN} rows, where it costs seconds to a minute and has no error,
 * and stochastic Lanczos quadrature above, where the exact one grows as N^3 (minutes per layer and epoch at 10,000) and
 * slq is within a few hundredths of a bit, with its standard error in the record. The record's {@code methodRun} says
 * which ran.
 *
 * @param exactMaxN the most rows computed exactly
 * @param slq       the approximation used above
 */
public record AutoSpectrum(int exactMaxN, LanczosQuadrature slq) implements SpectrumMethod {

    public AutoSpectrum {
        EXACT_MAX_N.requireValid("auto", exactMaxN);
        java.util.Objects.requireNonNull(slq, "slq");
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public Config.Builder configure(Config.Builder b) {
        return slq.configure(b).set(METHOD, Kind.AUTO).set(EXACT_MAX_N, exactMaxN);
    }

    @Override
    public Result entropy(double[] z, int n, int d, Bandwidth bandwidth, double t, long seed) {
        return n <= exactMaxN ? new ExactSpectrum().entropy(z, n, d, bandwidth, t, seed) : slq.entropy(z, n, d, bandwidth, t, seed);
    }
}
