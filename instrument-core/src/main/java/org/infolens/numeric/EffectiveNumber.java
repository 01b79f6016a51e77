package org.infolens.numeric;

/**
 * The one "exp of an entropy" utility behind every spectrum measure: normalise non-negative weights
 * (eigenvalues, singular values, a dictionary's L1 mass) to a distribution p and take its entropy;
 * exp of it is the effective number of components. Each measure states its published convention for
 * the floor added to p:
 * <ul>
 *   <li>diffusion spectral entropy: p + 2.22e-16, not renormalised, entropy in bits;</li>
 *   <li>effective features: p + 1e-10, renormalised, F = exp(H) in nats;</li>
 *   <li>effective rank: no floor (0 ln 0 = 0), exp(H);</li>
 *   <li>participation ratio: exp of the order-2 Renyi entropy, (sum w)^2 / sum w^2.</li>
 * </ul>
 */
public final class EffectiveNumber {

    /** numpy's float64 machine epsilon: the floor of diffusion spectral entropy. */
    public static final double MACHINE_EPSILON = 2.220446049250313e-16;

    private EffectiveNumber() {
    }

    /**
     * Shannon entropy in nats of p = w / sum w, with {@code floor} added to every p and, when
     * {@code renormalise}, p divided by its new sum. Zero weights contribute nothing when the floor is 0.
     */
    public static double shannonNats(double[] weights, double floor, boolean renormalise) {
        double total = sum(weights);
        int n = weights.length;
        double norm = renormalise ? 1 + n * floor : 1;
        double h = 0;
        for (double w : weights) {
            double p = (w / total + floor) / norm;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** exp of {@link #shannonNats}: the effective number of components. */
    public static double exponentialOfEntropy(double[] weights, double floor, boolean renormalise) {
        return Math.exp(shannonNats(weights, floor, renormalise));
    }

    /** (sum w)^2 / sum w^2: exp of the order-2 Renyi entropy of p = w / sum w. */
    public static double participationRatio(double[] weights) {
        double total = sum(weights);
        double squares = 0;
        for (double w : weights) {
            squares += (w / total) * (w / total);
        }
        return 1 / squares;
    }

    private static double sum(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("an entropy of no weights");
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight " + i + " is " + w + ": weights must be finite and >= 0");
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("all " + weights.length + " weights are 0: no distribution to take the entropy of");
        }
        return total;
    }
}
