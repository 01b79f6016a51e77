package org.infolens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.measure.Estimate;
import org.junit.jupiter.api.Test;

/** Huge or sparse label ids are renumbered at the probe (not in the file readers, which also read row ids). */
class ProbeLabelsTest {

    @Test
    void hugeIdsBecomeDenseClassesAndEstimatesEqualThoseOfTheDenseLabels() {
        int[] huge = {Integer.MAX_VALUE, 70_000, Integer.MAX_VALUE, 5, 70_000, 5, 5, Integer.MAX_VALUE};
        Probe p = Probe.of(huge);
        assertTrue(p.labelsRenumbered());
        assertEquals(3, p.classes(), "three distinct ids, not 2^31 classes");
        assertArrayEquals(new int[] {0, 1, 0, 2, 1, 2, 2, 0}, p.labels());

        Activations t = Activations.wrap(new float[] {-0.9f, -0.5f, -0.1f, 0.2f, 0.4f, 0.6f, 0.8f, 0.95f}, 8, 1);
        BinnedInformation binning = new BinnedInformation(FixedRangeDiscretizer.builder().bins(4).build());
        LayerId layer = LayerId.of(0, 1);
        Estimate sparse = binning.estimate(layer, t, p);
        Estimate dense = binning.estimate(layer, t, Probe.of(new int[] {0, 1, 0, 2, 1, 2, 2, 0}));
        assertEquals(dense.values(), sparse.values());
        // H(Y) of 3/8, 2/8, 3/8: the labels' own entropy, whatever their ids
        double hY = -(2 * 0.375 * Math.log(0.375) + 0.25 * Math.log(0.25)) / Math.log(2);
        assertEquals(hY, ((Number) sparse.details().get("H_Y")).doubleValue(), 1e-12);
    }

    @Test
    void classIndicesAreKeptAsGivenEvenWithAClassMissing() {
        Probe p = Probe.of(new int[] {0, 2, 2, 9});
        assertFalse(p.labelsRenumbered());
        assertEquals(10, p.classes(), "ids index the output layer: 9 stays 9");
        assertArrayEquals(new int[] {0, 2, 2, 9}, p.labels());
    }
}
