package org.infolens.estimate.spectral;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.numeric.RandomRows;

/**
 * What diffusion spectral entropy and mutual information share: kernel width rule, diffusion steps t,
 * spectrum method and seed, and the row handling both need.
 *
 * @param sigma  kernel width rule
 * @param t      diffusion steps, > 0
 * @param method exact or approximate spectrum
 * @param seed   seeds subsets and the approximate method's probes
 */
record DiffusionSettings(Bandwidth sigma, double t, SpectrumMethod method, long seed) {

    static final Param<Bandwidth> SIGMA = Param.of("sigma", Bandwidth.TYPE, Bandwidth.fixed(10), "width of the Gaussian kernel:"
            + " a number (absolute, so the entropy depends on the activation scale), sqrt-d, or median (the median distance between"
            + " rows: scale-free)");
    static final Param<Double> T = Param.real("t", 1, "diffusion steps").check(t -> t > 0, "> 0");
    static final Param<Long> SEED = Param.seed("seed", "seeds row subsets and slq's probes");
    /** What dse and dsmi share, after their own parameters. */
    static final ParameterSet PARAMETERS = ParameterSet.of(SIGMA, T, SpectrumMethod.METHOD, SpectrumMethod.EXACT_MAX_N, SpectrumMethod.RANK,
            SpectrumMethod.PROBES, SpectrumMethod.STEPS, SEED);

    DiffusionSettings {
        T.requireValid("diffusion", t);
    }

    static DiffusionSettings of(Config c) {
        return new DiffusionSettings(c.get(SIGMA), c.get(T), SpectrumMethod.of(c), c.get(SEED));
    }

    SpectrumMethod.Result entropy(double[] z, int n, int d) {
        return method.entropy(z, n, d, sigma, t, seed);
    }

    String label() {
        // auto, the default, keeps the label exact had when it was the default; exact now says so
        return "sigma-" + sigma + "-t-" + t + (method instanceof AutoSpectrum ? "" : "-" + method.name());
    }

    Map<String, Object> details(SpectrumMethod.Result r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("methodRun", r.method());
        if (r.standardError() > 0) {
            d.put("standardErrorBits", r.standardError());
        }
        if (r.method().startsWith("exact")) {
            d.put("eigenvalues", SymmetricEigenvalues.route());
        }
        return d;
    }

    static void requireRows(LayerId layer, Activations values) {
        if (values.rows() < 2) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has " + values.rows()
                    + " probe row(s): a diffusion spectrum needs at least 2");
        }
    }

    /** All of 0..n-1 when n <= max, else a seeded random subset of max of them, ascending. */
    static int[] seededSubset(int n, int max, long seed) {
        return n <= max ? java.util.stream.IntStream.range(0, n).toArray() : RandomRows.subset(n, max, new SplittableRandom(seed));
    }

    static double[] rowsAsDoubles(Activations values) {
        return rowsAsDoubles(values, java.util.stream.IntStream.range(0, values.rows()).toArray());
    }

    static double[] rowsAsDoubles(Activations values, int[] rows) {
        int d = values.columns();
        double[] z = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                z[i * d + j] = values.get(rows[i], j);
            }
        }
        return z;
    }
}
