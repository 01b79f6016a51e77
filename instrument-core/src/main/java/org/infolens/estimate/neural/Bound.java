package org.infolens.estimate.neural;

/**
 * A variational bound on I(X;Y) computed from a critic's B x B score matrix (row-major, diagonal =
 * paired rows): its value, the estimate, and the gradient of the objective the critic is trained to
 * maximise, which is the bound itself except where an estimator says otherwise (MINE's bias-corrected
 * gradient, SMILE's Jensen-Shannon training). A bound may keep state across the batches of one
 * training (MINE's moving average): each training makes a new one.
 */
abstract class Bound {

    /** The bound in nats on one batch's scores. */
    abstract double value(double[] s, int b);

    /** The gradient of the training objective in the scores (same layout), to be ascended. */
    abstract double[] objectiveGradient(double[] s, int b);

    /** The most this bound can give on a batch of b rows, when it has a ceiling (InfoNCE's ln b). */
    double ceilingNats(int b) {
        return Double.POSITIVE_INFINITY;
    }

    /** Mean of the diagonal: E_p[f]. */
    static double diagonalMean(double[] s, int b) {
        double sum = 0;
        for (int i = 0; i < b; i++) {
            sum += s[i * b + i];
        }
        return sum / b;
    }

    /** ln of the mean of exp(clip(s)) over the off-diagonal entries (E_q[e^f] in log space, no overflow). */
    static double logMeanExpOffDiagonal(double[] s, int b, double clip) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                if (i != j) {
                    max = Math.max(max, clipped(s[i * b + j], clip));
                }
            }
        }
        double sum = 0;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                if (i != j) {
                    sum += Math.exp(clipped(s[i * b + j], clip) - max);
                }
            }
        }
        return max + Math.log(sum / ((double) b * (b - 1)));
    }

    static double clipped(double v, double clip) {
        return Math.max(-clip, Math.min(clip, v));
    }
}
