package org.infolens.experiments.ib12;

/** Defaults of {@code run ib12}, chosen so a run finishes in minutes on two cores (see README). */
public final class Ib12Defaults {
    public static final int EPOCHS = 4000;
    public static final int BATCH = 512;
    public static final double LEARNING_RATE = 4e-4;

    private Ib12Defaults() {
    }
}
