package org.infolens.data;

/**
 * A summary of one layer's minibatch gradients over one epoch: the norms of their elementwise mean
 * and standard deviation, taken over all of the layer's weight parameters (biases excluded). The
 * standard deviation divides by the number of iterations (numpy's np.std, as Shwartz-Ziv & Tishby's
 * code).
 *
 * @param iterations minibatch gradients summarised
 * @param meanNorm   ||mean of the gradients||
 * @param stdNorm    ||elementwise standard deviation of the gradients||
 */
public record GradientMoments(int iterations, double meanNorm, double stdNorm) {

    public GradientMoments {
        if (iterations < 1) {
            throw new IllegalArgumentException("gradient moments need at least one iteration, got " + iterations);
        }
        // NaN stays possible: NaN gradients are the measure's to report, not the training thread's to throw on
        if (meanNorm < 0 || stdNorm < 0) {
            throw new IllegalArgumentException("gradient norms must be >= 0, got mean " + meanNorm + " and std " + stdNorm);
        }
    }
}
