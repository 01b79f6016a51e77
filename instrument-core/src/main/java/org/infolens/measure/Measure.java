package org.infolens.measure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;

/**
 * One information measure of a layer's representation (binning MI, kernel bounds, DSE, ...).
 *
 * <p>Life cycle: configure (a builder, validated in {@code build()}), then {@link #estimate} for each
 * (epoch, layer), from one worker thread at a time. A measure whose parameters depend on the whole
 * run (the global min-max range of Saxe et al.) also offers a {@link RunObserver}: the pipeline then
 * shows it every layer of every recorded epoch first and estimates in a second pass at the end.
 */
public interface Measure {

    /** The estimator family as named on the command line and in records: "binning", "kde", ... */
    String name();

    /** Tells configurations of one family apart within a run, e.g. "binning/adaptive-30". */
    default String label() {
        return name();
    }

    /** Every parameter that determines the result, defaults included, in a stable order. */
    Map<String, Object> parameters();

    /** The values this measure can give, with their units: by default what its registered family declares. */
    default List<Output> outputs() {
        return MeasureRegistry.outputs(name());
    }

    /**
     * Estimates on one layer, giving values among {@link #outputs()}. Throws {@link IllegalArgumentException} (with a message
     * naming what is wrong) on input the estimator cannot take; first of all, when the probe does not
     * describe the layer's rows ({@link #requireProbeRows}).
     */
    Estimate estimate(LayerId layer, Activations values, Probe probe);

    /** The check every estimate starts with: one probe row per activation row, else an error naming the layer. */
    static void requireProbeRows(LayerId layer, Activations values, Probe probe) {
        if (values.rows() != probe.size()) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has " + values.rows() + " rows but the probe set has "
                    + probe.size());
        }
    }

    /**
     * The probe rows an estimate reads when the probe has {@code probeRows}, ascending: all of them, or
     * the fixed seeded subset a subsampling measure reads. A wrapper that resamples rows (intervals, the
     * reliability verdict) draws from these: subsets of all the probe's rows would be read as another
     * subset of the same size, not at N / gamma.
     */
    default int[] rowsRead(int probeRows) {
        return java.util.stream.IntStream.range(0, probeRows).toArray();
    }

    /** How many rows an estimate reads when the probe has {@code probeRows} (fewer when the measure subsamples). */
    default int rowsUsed(int probeRows) {
        return rowsRead(probeRows).length;
    }

    /**
     * Whether resampling rows with replacement biases this estimator (repeated rows are new plug-in
     * patterns, zero k-NN distances): then its intervals come from subsampling without replacement.
     */
    default boolean biasedByRepeatedRows() {
        return true;
    }

    /** Present when this measure needs a first pass over the whole run before it can estimate. */
    default Optional<RunObserver> runObserver() {
        return Optional.empty();
    }
}
