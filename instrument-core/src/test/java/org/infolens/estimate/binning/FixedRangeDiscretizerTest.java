package org.infolens.estimate.binning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.junit.jupiter.api.Test;

class FixedRangeDiscretizerTest extends BinnedInformationContract {

    @Override
    protected BinnedInformation measure() {
        return new BinnedInformation(FixedRangeDiscretizer.builder().build());
    }

    private static int[] bins(FixedRangeDiscretizer d, float... values) {
        return binAll(d, LayerId.of(0, values.length), Activations.wrap(values, 1, values.length));
    }

    /** Edge i of the original code: numpy linspace(-1, 1, 30)[i] rounded to float32. */
    private static float edge(int i) {
        return (float) (i * (2.0 / 29) - 1);
    }

    @Test
    void originalModeReproducesTheReferenceCodeAtAndBeyondTheRange() {
        FixedRangeDiscretizer d = FixedRangeDiscretizer.builder().build();
        // -1 is the first edge (bin 0); +1 is the last edge and gets the symbol above it (29);
        // above +1 shares it; below -1 is index -1, which numpy wraps to the top symbol.
        assertArrayEquals(new int[] {0, 29, 29, 29, 29, 14},
                bins(d, -1f, 1f, 1.5f, -1.5f, Math.nextDown(-1f), 0f));
        // just below an interior edge stays in the bin before it; the edge itself opens its bin
        for (int i = 1; i < 29; i++) {
            assertEquals(i - 1, bins(d, Math.nextDown(edge(i)))[0], "below edge " + i);
            assertEquals(i, bins(d, edge(i))[0], "at edge " + i);
        }
        assertEquals(28, bins(d, Math.nextDown(1f))[0]);
    }

    @Test
    void clampModeSendsBelowRangeValuesToTheFirstBin() {
        FixedRangeDiscretizer d = FixedRangeDiscretizer.builder().belowRange(FixedRangeDiscretizer.BelowRange.CLAMP).build();
        assertArrayEquals(new int[] {0, 0, 0, 29, 29}, bins(d, -1.5f, Math.nextDown(-1f), -1f, 1f, 7f));
    }

    @Test
    void edgesAreTheFloat32LinspaceOfTheOriginalCode() {
        double[] e = FixedRangeDiscretizer.float32Linspace(-1, 1, 30);
        assertEquals(30, e.length);
        assertEquals(-1.0, e[0]);
        assertEquals(1.0, e[29]);
        for (int i = 0; i < 30; i++) {
            assertEquals((double) edge(i), e[i], 0.0);
        }
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> FixedRangeDiscretizer.builder().bins(1).build());
        assertThrows(IllegalArgumentException.class, () -> FixedRangeDiscretizer.builder().range(1, -1).build());
    }
}
