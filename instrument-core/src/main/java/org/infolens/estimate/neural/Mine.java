package org.infolens.estimate.neural;

import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.measure.MeasureProvider;

/**
 * MINE (Belghazi et al. 2018): the Donsker-Varadhan bound I >= E_p[f] - ln E_q[e^f]. Its minibatch
 * gradient is biased (the ln of a batch mean); MINE's correction divides the gradient of E_q[e^f] by a
 * moving average of E_q[e^f] instead of the batch's own value ({@code movingAverage} = its rate). The
 * estimate is the plain DV bound on the held-out rows.
 */
public final class Mine extends NeuralMutualInformation {

    public static final String NAME = "mine";

    public static final Param<Double> MOVING_AVERAGE = Param.real("movingAverage", 0.01, "rate of the moving average of E_q[e^f]"
            + " that corrects the gradient's bias (1 = the biased batch gradient)").check(a -> a > 0 && a <= 1, "in (0, 1]");
    public static final ParameterSet MINE_PARAMETERS = PARAMETERS.and(MOVING_AVERAGE);

    /** The {@code mine} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "MINE: Donsker-Varadhan bound on I(T;Z), moving-average gradient correction", MINE_PARAMETERS, OUTPUTS, Mine::new);
        }
    }

    private Mine(Config config) {
        super(NAME, config);
    }

    @Override
    Bound bound() {
        double rate = config.get(MOVING_AVERAGE);
        return new Bound() {
            private double logAverage = Double.NaN; // ln of the moving average of E_q[e^f]

            @Override
            double value(double[] s, int b) {
                return diagonalMean(s, b) - logMeanExpOffDiagonal(s, b, Double.POSITIVE_INFINITY);
            }

            @Override
            double[] objectiveGradient(double[] s, int b) {
                double batch = logMeanExpOffDiagonal(s, b, Double.POSITIVE_INFINITY);
                if (Double.isNaN(logAverage)) {
                    logAverage = batch;
                } else { // ln((1 - rate) e^avg + rate e^batch), in log space
                    double hi = Math.max(logAverage, batch);
                    logAverage = hi + Math.log((1 - rate) * Math.exp(logAverage - hi) + rate * Math.exp(batch - hi));
                }
                double[] g = new double[s.length];
                double m = (double) b * (b - 1);
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        g[i * b + j] = i == j ? 1.0 / b : -Math.exp(s[i * b + j] - logAverage) / m;
                    }
                }
                return g;
            }
        };
    }
}
