package org.infolens.estimate.binning;

import java.util.Optional;
import org.infolens.config.Config;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.measure.RunObserver;

/**
 * An edge strategy: maps every activation value of a layer to an integer bin index. A probe row's
 * d indices together are its symbol (the joint pattern), from which {@link BinnedInformation} takes
 * plug-in entropies. Configured by {@link BinnedInformation#PARAMETERS}, {@code edges} naming the strategy.
 */
public interface Discretizer {

    /** The strategy a configuration of {@link BinnedInformation#PARAMETERS} names. */
    static Discretizer of(Config c) {
        return switch (c.get(BinnedInformation.EDGES)) {
            case FIXED_RANGE -> new FixedRangeDiscretizer(c);
            case FIXED_WIDTH -> new FixedWidthDiscretizer(c);
            case GLOBAL_MINMAX -> new GlobalMinMaxDiscretizer(c);
            case ADAPTIVE -> new AdaptiveDiscretizer(c);
        };
    }

    /** A short tag for labels, e.g. "fixed-range-30". */
    String tag();

    /** The strategy's configuration, {@code edges} first, defaults included. */
    Config config();

    /** The bin mapping for one layer at one epoch (EBAB derives its edges from the values here). */
    LayerBinning prepare(LayerId layer, Activations values);

    /** Present when the edges depend on the whole run (a global range observed over all epochs). */
    default Optional<RunObserver> runObserver() {
        return Optional.empty();
    }
}
