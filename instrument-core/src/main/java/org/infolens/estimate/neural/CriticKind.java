package org.infolens.estimate.neural;

/** The shape of a neural estimator's critic (Poole et al. 2019): see {@link Critic}. */
public enum CriticKind {
    SEPARABLE, CONCATENATED
}
