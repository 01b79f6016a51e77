package org.infolens.estimate.knn;

/**
 * What each column becomes before a k-NN MI search. Mutual information is unchanged by any strictly
 * increasing map of each column, so replacing a column by its ranks (its empirical copula) or by the
 * normal scores of its ranks keeps the quantity while removing what breaks the neighbour counts:
 * heavy tails (Student-t), uneven scales, compressed regions (the normal CDF, half-cube maps).
 */
public enum Copula {
    /** The values as they are (then standardised, if asked). */
    OFF,
    /** Each column's ranks 1..N, tied values sharing their mean rank. */
    RANKS,
    /** The normal scores of those ranks: Phi^-1(rank / (N + 1)), each column standard normal. */
    NORMAL
}
