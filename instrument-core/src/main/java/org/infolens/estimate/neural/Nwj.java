package org.infolens.estimate.neural;

import org.infolens.config.Config;
import org.infolens.measure.MeasureProvider;

/**
 * NWJ (Nguyen, Wainwright & Jordan 2010; "f-GAN KL", Poole et al. 2019): I >= E_p[f] - E_q[e^{f - 1}],
 * q the product of the marginals (a batch's off-diagonal pairs). Unbiased, no ceiling, but its
 * variance grows like e^I.
 */
public final class Nwj extends NeuralMutualInformation {

    public static final String NAME = "nwj";

    /** The {@code nwj} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "NWJ (f-divergence) lower bound on I(T;Z) with a trained critic", PARAMETERS, OUTPUTS, Nwj::new);
        }
    }

    private Nwj(Config config) {
        super(NAME, config);
    }

    @Override
    Bound bound() {
        return new Bound() {
            @Override
            double value(double[] s, int b) {
                double sum = 0;
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        sum += i == j ? 0 : Math.exp(s[i * b + j] - 1);
                    }
                }
                return diagonalMean(s, b) - sum / ((double) b * (b - 1));
            }

            @Override
            double[] objectiveGradient(double[] s, int b) {
                double[] g = new double[s.length];
                double m = (double) b * (b - 1);
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        g[i * b + j] = i == j ? 1.0 / b : -Math.exp(s[i * b + j] - 1) / m;
                    }
                }
                return g;
            }
        };
    }
}
