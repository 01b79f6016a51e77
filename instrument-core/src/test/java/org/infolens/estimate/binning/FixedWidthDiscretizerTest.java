package org.infolens.estimate.binning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.junit.jupiter.api.Test;

class FixedWidthDiscretizerTest extends BinnedInformationContract {

    @Override
    protected BinnedInformation measure() {
        return new BinnedInformation(FixedWidthDiscretizer.builder().binSize(0.07).build());
    }

    @Test
    void binIsTheFloorOfValueOverWidthInFloat32() {
        FixedWidthDiscretizer d = FixedWidthDiscretizer.builder().binSize(0.5).build();
        float[] v = {0f, 0.49f, 0.5f, -0.01f, -0.5f, -0.51f, 12.3f};
        int[] s = binAll(d, LayerId.of(0, v.length), Activations.wrap(v, 1, v.length));
        assertArrayEquals(new int[] {0, 0, 1, -1, -1, -2, 24}, s);
    }

    @Test
    void rejectsNonPositiveWidth() {
        assertThrows(IllegalArgumentException.class, () -> FixedWidthDiscretizer.builder().binSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> FixedWidthDiscretizer.builder().binSize(Double.NaN).build());
    }
}
