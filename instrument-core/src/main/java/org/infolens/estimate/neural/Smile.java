package org.infolens.estimate.neural;

import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.measure.MeasureProvider;

/**
 * SMILE (Song & Ermon 2020): the Donsker-Varadhan estimate with the partition term's scores clipped to
 * [-tau, tau], E_p[f] - ln E_q[e^{clip(f)}], which bounds its variance; the critic is trained with the
 * Jensen-Shannon (f-GAN) objective, whose optimum is the log density ratio, as in the authors' code.
 */
public final class Smile extends NeuralMutualInformation {

    public static final String NAME = "smile";

    public static final Param<Double> CLIP = Param.real("clip", 5.0, "tau: scores clipped to [-tau, tau] in the partition term")
            .check(t -> t > 0, "> 0");
    public static final ParameterSet SMILE_PARAMETERS = PARAMETERS.and(CLIP);

    /** The {@code smile} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "SMILE: clipped Donsker-Varadhan estimate of I(T;Z), critic trained by Jensen-Shannon", SMILE_PARAMETERS, OUTPUTS,
                    Smile::new);
        }
    }

    private Smile(Config config) {
        super(NAME, config);
    }

    @Override
    public String label() {
        return super.label() + "-clip" + config.get(CLIP);
    }

    @Override
    Bound bound() {
        double tau = config.get(CLIP);
        return new Bound() {
            @Override
            double value(double[] s, int b) {
                return diagonalMean(s, b) - logMeanExpOffDiagonal(s, b, tau);
            }

            /** Of -E_p[softplus(-f)] - E_q[softplus(f)]. */
            @Override
            double[] objectiveGradient(double[] s, int b) {
                double[] g = new double[s.length];
                double m = (double) b * (b - 1);
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        double v = s[i * b + j];
                        g[i * b + j] = i == j ? sigmoid(-v) / b : -sigmoid(v) / m;
                    }
                }
                return g;
            }
        };
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
