package org.infolens.estimate.knn;

import org.infolens.numeric.SpecialFunctions;


/** The distance of the k-NN estimators. */
public enum Norm {
    /** Chebyshev, max_j |a_j - b_j|: the default of KSG and of the estimators' reference code. */
    MAX,
    /** Euclidean. */
    EUCLIDEAN;

    /** ln of the volume of the unit ball in d dimensions: d ln 2 for max-norm, ln(pi^(d/2) / Gamma(1 + d/2)) Euclidean. */
    public double logUnitBallVolume(int d) {
        return this == MAX ? d * Math.log(2) : 0.5 * d * Math.log(Math.PI) - SpecialFunctions.lnGamma(1 + 0.5 * d);
    }
}
