package org.infolens.measure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.infolens.data.LayerParameters;

/**
 * A measure of a layer's parameters (weights, gradients) rather than of its activations. Runs on the
 * pipeline's worker like a {@link Measure} and writes the same trajectory records, with the same
 * error isolation.
 */
public interface ParameterMeasure {

    /** The parts of a layer's parameters a measure can read. */
    enum Input {
        /** The weight matrix, copied at each recorded epoch. */
        WEIGHTS,
        /** The moments of the minibatch gradients over the epoch, accumulated during recorded epochs. */
        GRADIENTS
    }

    /** What this measure reads: an adapter copies weights and accumulates gradients only when a measure reads them. */
    Set<Input> reads();

    /** The measure as named in records: "weight-condition", "gradient-snr". */
    String name();

    /** Tells configurations of one measure apart within a run. */
    default String label() {
        return name();
    }

    /** Every parameter that determines the result, in a stable order. */
    Map<String, Object> parameters();

    /** The values this measure can give, with their units: by default what its registered family declares. */
    default List<Output> outputs() {
        return MeasureRegistry.outputs(name());
    }

    /** Whether {@code p} holds what this measure reads (epoch 0 has no gradients: no record then). */
    boolean appliesTo(LayerParameters p);

    /**
     * Estimates on one layer's parameters. Throws {@link IllegalArgumentException} (with a message
     * naming what is wrong) on parameters it cannot take.
     */
    Estimate estimate(LayerParameters p);

    /** What the record's {@code n} counts: weight matrix rows, gradient iterations. */
    int sampleSize(LayerParameters p);
}
