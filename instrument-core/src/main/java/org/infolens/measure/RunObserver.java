package org.infolens.measure;

import org.infolens.data.Activations;
import org.infolens.data.LayerId;

/**
 * First pass of a two-pass measure: sees every recorded layer of every recorded epoch, in order,
 * streaming (nothing is kept but the statistic), then {@link #complete()} once before the second pass.
 */
public interface RunObserver {

    void observe(LayerId layer, Activations values);

    /** Ends the first pass; the measure's parameters are final from here on. */
    void complete();
}
