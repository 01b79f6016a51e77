package org.infolens.dl4j;

import java.util.Locale;

/**
 * How a layer with a time axis (DL4J's recurrent and time-distributed outputs, [N, units, T]) becomes
 * probe rows; recorded in the layer's metadata ({@code sequence}, {@code steps}). Without a choice, a
 * layer is recorded by {@link #STEPS} when the probe has a label per time step and by
 * {@link #LAST_STEP} when it has one per sequence.
 */
public enum SequenceView {
    /** One row per sequence: the output at its last unmasked step (what a many-to-one model reads). */
    LAST_STEP,
    /**
     * One row per unmasked time step, labelled with that step's label: the probe's rows are then
     * steps, and every other layer's per-sequence row is repeated at each of its sequence's steps.
     */
    STEPS,
    /** One row per sequence, units x T columns (unit-major): every step a separate variable; no accuracy. */
    FLATTENED;

    /** "last-step", "steps", "flattened": the layer metadata's name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
