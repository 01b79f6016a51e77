package org.infolens.estimate.spectral;

import java.util.Objects;
import org.infolens.config.Config;

/** The settings every diffusion measure's builder shares: kernel width rule, diffusion steps, method, seed. */
public abstract class DiffusionBuilder<B extends DiffusionBuilder<B>> {

    final Config.Builder config;

    DiffusionBuilder(Config.Builder config) {
        this.config = config;
    }

    abstract B self();

    /** Kernel width rule (default: fixed 10, the authors' default). */
    public B sigma(Bandwidth sigma) {
        config.set(DiffusionSettings.SIGMA, Objects.requireNonNull(sigma, "sigma"));
        return self();
    }

    /** Diffusion steps t > 0 (default 1). */
    public B t(double t) {
        config.set(DiffusionSettings.T, t);
        return self();
    }

    /** Exact (default) or stochastic Lanczos quadrature. */
    public B method(SpectrumMethod method) {
        Objects.requireNonNull(method, "method").configure(config);
        return self();
    }

    /** Seeds row subsets and the approximate method's probes (default 0). */
    public B seed(long seed) {
        config.set(DiffusionSettings.SEED, seed);
        return self();
    }
}
