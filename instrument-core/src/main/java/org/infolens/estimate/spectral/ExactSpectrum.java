package org.infolens.estimate.spectral;

import java.util.Map;
import org.infolens.numeric.EffectiveNumber;
import org.infolens.config.Config;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every eigenvalue of the diffusion operator, by LAPACK (values only), in double precision: the
 * published algorithm, O(N^3) time and one N x N matrix of memory.
 */
public record ExactSpectrum() implements SpectrumMethod {

    static final double LN2 = Math.log(2);

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public Config.Builder configure(Config.Builder b) {
        return b.set(METHOD, Kind.EXACT).set(EXACT_MAX_N, null).set(RANK, null).set(PROBES, null).set(STEPS, null);
    }

    @Override
    public Result entropy(double[] z, int n, int d, Bandwidth bandwidth, double t, long seed) {
        DiffusionKernel k = DiffusionKernel.of(z, n, d, bandwidth, DataType.DOUBLE);
        double[] lambda = SymmetricEigenvalues.destructive(k.matrix());
        k.matrix().close();
        return new Result(entropyBits(lambda, t), k.sigma(), 0, name());
    }

    /** -sum p log2 p with p = |lambda|^t / sum |lambda|^t + 2.22e-16, not renormalised (as published). */
    static double entropyBits(double[] lambda, double t) {
        double[] w = new double[lambda.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.pow(Math.abs(lambda[i]), t);
        }
        return EffectiveNumber.shannonNats(w, EffectiveNumber.MACHINE_EPSILON, false) / LN2;
    }
}
