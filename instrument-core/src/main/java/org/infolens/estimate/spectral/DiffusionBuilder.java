package org.infolens.estimate.spectral;

import java.util.Objects;

/** The settings every diffusion measure's builder shares: kernel width rule, diffusion steps, method, seed. */
public abstract class DiffusionBuilder<B extends DiffusionBuilder<B>> {

    private Bandwidth sigma = Bandwidth.fixed(10);
    private double t = 1;
    private SpectrumMethod method = new ExactSpectrum();
    private long seed = 0;

    DiffusionBuilder() {
    }

    abstract B self();

    /** Kernel width rule (default: fixed 10, the authors' default). */
    public B sigma(Bandwidth sigma) {
        this.sigma = Objects.requireNonNull(sigma, "sigma");
        return self();
    }

    /** Diffusion steps t > 0 (default 1). */
    public B t(double t) {
        this.t = t;
        return self();
    }

    /** Exact (default) or stochastic Lanczos quadrature. */
    public B method(SpectrumMethod method) {
        this.method = Objects.requireNonNull(method, "method");
        return self();
    }

    /** Seeds row subsets and the approximate method's probes (default 0). */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    DiffusionSettings settings() {
        return new DiffusionSettings(sigma, t, method, seed);
    }
}
