package org.infolens.experiments;

/**
 * Whether a training run writes DL4J checkpoints at its recorded epochs ({@code --checkpoints}) and
 * whether it continues the run already in its directory from its checkpoint ({@code --resume RUN}).
 */
public record RunRecovery(boolean checkpoints, boolean resume) {

    /** No checkpoints, a new run: the default. */
    public static final RunRecovery NONE = new RunRecovery(false, false);
}
