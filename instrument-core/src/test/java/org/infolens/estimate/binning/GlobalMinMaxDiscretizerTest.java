package org.infolens.estimate.binning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.measure.RunObserver;
import org.junit.jupiter.api.Test;

class GlobalMinMaxDiscretizerTest extends BinnedInformationContract {

    @Override
    protected BinnedInformation measure() {
        return new BinnedInformation(GlobalMinMaxDiscretizer.builder().bins(100).range(-1, 1).build());
    }

    @Test
    void equalBinsBetweenLoAndHiWithTheMaximumInTheTopBin() {
        GlobalMinMaxDiscretizer d = GlobalMinMaxDiscretizer.builder().bins(4).range(0, 2).build();
        float[] v = {0f, 0.49f, 0.5f, 1.99f, 2f, -0.1f, 3f};
        int[] s = binAll(d, LayerId.of(0, v.length), Activations.wrap(v, 1, v.length));
        assertArrayEquals(new int[] {0, 0, 1, 3, 3, -1, 3}, s);
    }

    @Test
    void observedRangeSpansEveryLayerAndEpochSeen() {
        GlobalMinMaxDiscretizer d = GlobalMinMaxDiscretizer.builder().bins(10).build();
        RunObserver o = d.runObserver().orElseThrow();
        assertThrows(IllegalStateException.class,
                () -> d.prepare(LayerId.of(0, 1), Activations.wrap(new float[] {1f}, 1, 1)));
        o.observe(LayerId.of(0, 2), Activations.wrap(new float[] {0f, 3f}, 1, 2));
        o.observe(LayerId.of(1, 1), Activations.wrap(new float[] {7f}, 1, 1));
        o.complete();
        assertEquals(Map.of("edges", "global-minmax", "bins", 10, "range", "observed"), d.config().asMap(), "the range is no parameter");
        LayerBinning b = d.prepare(LayerId.of(0, 3), Activations.wrap(new float[] {0f, 3.5f, 7f}, 1, 3));
        assertEquals(Map.of("lo", 0.0, "hi", 7.0), b.layerParameters(), "but is resolved with every estimate");
        int[] s = binAll(d, LayerId.of(0, 3), Activations.wrap(new float[] {0f, 3.5f, 7f}, 1, 3));
        assertArrayEquals(new int[] {0, 5, 9}, s);
    }
}
