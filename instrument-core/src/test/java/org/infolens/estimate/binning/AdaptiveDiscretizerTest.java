package org.infolens.estimate.binning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.junit.jupiter.api.Test;

class AdaptiveDiscretizerTest extends BinnedInformationContract {

    @Override
    protected BinnedInformation measure() {
        return new BinnedInformation(AdaptiveDiscretizer.builder().bins(30).build());
    }

    @Test
    void edgesHoldEqualNumbersOfDistinctLevelsByHand() {
        // low = 0, B = 3; distinct levels other than 0: u = [0.1, 0.2, 0.3, 0.5, 0.9], |u| = 5.
        // ranks floor(k * 5/3) for k = 0, 1, 2 are 0, 1, 3 -> 0.1, 0.2, 0.5; plus u[last] = 0.9.
        AdaptiveDiscretizer d = AdaptiveDiscretizer.builder().bins(3).low(0).build();
        float[] v = {0f, 0f, 0.1f, 0.2f, 0.2f, 0.3f, 0.5f, 0.9f};
        Activations a = Activations.wrap(v, 8, 1);
        assertArrayEquals(new double[] {0, 0.1f, 0.2f, 0.5f, 0.9f}, d.edges(a, 0), 0.0);
        // exact zeros keep their own symbol; 0.2 and 0.3 share a bin; the top level opens the last
        assertArrayEquals(new int[] {0, 0, 1, 2, 2, 2, 3, 4}, binAll(d, LayerId.of(0, 1), a));
    }

    @Test
    void fewerLevelsThanBinsGiveRepeatedEdgesAndOneSymbolPerLevel() {
        AdaptiveDiscretizer d = AdaptiveDiscretizer.builder().bins(30).low(-1.000001).build();
        float[] v = {-0.5f, 0.25f, 0.25f, 0.75f};
        Activations a = Activations.wrap(v, 4, 1);
        int[] s = binAll(d, LayerId.of(0, 1), a);
        assertEquals(s[1], s[2]);
        assertEquals(3, java.util.Arrays.stream(s).distinct().count());
    }

    @Test
    void deadReluLayerIsOneSymbol() {
        float[] v = new float[40];
        Estimate e = measure().estimate(new LayerId(2, "dead", 4, LayerKind.DENSE, "relu"), Activations.wrap(v, 10, 4),
                Probe.of(new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1}));
        assertEquals(0.0, e.value("H_T"), 0.0);
        assertEquals(0.0, e.value("I_TY"), 0.0);
        assertEquals(0.0, e.layerParameters().get("low"));
    }

    @Test
    void lowerLimitComesFromTheActivationOrTheData() {
        AdaptiveDiscretizer d = AdaptiveDiscretizer.builder().build();
        Activations a = Activations.wrap(new float[] {-0.5f, 0.5f}, 2, 1);
        assertEquals(-1.000001, d.lowFor(new LayerId(0, "t", 1, LayerKind.DENSE, "tanh"), a));
        assertEquals(0.0, d.lowFor(new LayerId(0, "r", 1, LayerKind.DENSE, "relu"), a));
        assertEquals(-1.000001, d.lowFor(new LayerId(0, "x", 1, LayerKind.DENSE, "identity"), a));
        Activations positive = Activations.wrap(new float[] {0f, 2f}, 2, 1);
        assertEquals(0.0, d.lowFor(LayerId.of(0, 1), positive));
        Activations wide = Activations.wrap(new float[] {-3f, 2f}, 2, 1);
        assertEquals(Math.nextDown(-3f), d.lowFor(LayerId.of(0, 1), wide));
    }
}
