package org.infolens.estimate.binning;

import java.util.Map;
import java.util.Optional;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.measure.RunObserver;

/**
 * An edge strategy: maps every activation value of a layer to an integer bin index. A probe row's
 * d indices together are its symbol (the joint pattern), from which {@link BinnedInformation} takes
 * plug-in entropies.
 */
public interface Discretizer {

    /** The strategy's name as the {@code edges} parameter spells it: "fixed-range", "adaptive", ... */
    String strategy();

    /** A short tag for labels, e.g. "fixed-range-30". */
    String tag();

    /** The strategy's parameters, {@code edges} first, defaults included. */
    Map<String, Object> parameters();

    /** The bin mapping for one layer at one epoch (EBAB derives its edges from the values here). */
    LayerBinning prepare(LayerId layer, Activations values);

    /** Present when the edges depend on the whole run (a global range observed over all epochs). */
    default Optional<RunObserver> runObserver() {
        return Optional.empty();
    }
}
