package org.infolens.estimate.neural;

import org.infolens.config.Config;
import org.infolens.measure.MeasureProvider;

/**
 * InfoNCE (van den Oord et al. 2018; Poole et al. 2019): I >= E[f(x_i, y_i) - ln (1/B) sum_j e^{f(x_i, y_j)}],
 * low variance but never above ln B, B the rows of a batch: the held-out batch's ln B is recorded as
 * {@code ceilingNats} and an estimate within 0.1 nats of it is flagged {@code nearCeiling}.
 */
public final class InfoNce extends NeuralMutualInformation {

    public static final String NAME = "infonce";

    /** The {@code infonce} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "InfoNCE lower bound on I(T;Z) with a trained critic (at most ln batch)", PARAMETERS, OUTPUTS, InfoNce::new);
        }
    }

    private InfoNce(Config config) {
        super(NAME, config);
    }

    @Override
    Bound bound() {
        return new Bound() {
            @Override
            double value(double[] s, int b) {
                double sum = 0;
                for (int i = 0; i < b; i++) {
                    sum += s[i * b + i] - logSumExpRow(s, b, i);
                }
                return sum / b + Math.log(b);
            }

            @Override
            double[] objectiveGradient(double[] s, int b) {
                double[] g = new double[s.length];
                for (int i = 0; i < b; i++) {
                    double lse = logSumExpRow(s, b, i);
                    for (int j = 0; j < b; j++) {
                        g[i * b + j] = ((i == j ? 1 : 0) - Math.exp(s[i * b + j] - lse)) / b;
                    }
                }
                return g;
            }

            @Override
            double ceilingNats(int b) {
                return Math.log(b);
            }
        };
    }

    private static double logSumExpRow(double[] s, int b, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < b; j++) {
            max = Math.max(max, s[i * b + j]);
        }
        double sum = 0;
        for (int j = 0; j < b; j++) {
            sum += Math.exp(s[i * b + j] - max);
        }
        return max + Math.log(sum);
    }
}
