package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

class EpochScheduleTest {

    @Test
    void logSpacedGridIsTheOriginalCodesGridShiftedToCompletedEpochs() {
        // numpy: np.unique(np.floor(np.logspace(0, np.log2(100), 10, base=2))) = [1 2 4 7 12 21 35 59 99]
        assertEquals(List.of(1, 2, 4, 7, 12, 21, 35, 59, 99), List.copyOf(EpochSchedule.logSpaced(100, 10).epochsUpTo(100)));
        // numpy for E = 10000, K = 400: 279 distinct epochs, 1..30 all present, ending 9118 9330 9548 9771 9999
        SortedSet<Integer> grid = EpochSchedule.logSpaced(10000, 400).epochsUpTo(10000);
        assertEquals(279, grid.size());
        for (int e = 1; e <= 30; e++) {
            assertTrue(grid.contains(e));
        }
        assertEquals(List.of(9118, 9330, 9548, 9771, 9999), List.copyOf(grid).subList(274, 279));
        // numpy for E = 8000, K = 400: 274 distinct epochs ending with 8000 itself
        SortedSet<Integer> g8000 = EpochSchedule.logSpaced(8000, 400).epochsUpTo(8000);
        assertEquals(274, g8000.size());
        assertEquals(8000, g8000.last());
    }

    @Test
    void correctlyRoundedLog2MatchesExactPowersAndNumpy() {
        for (int k = 0; k < 60; k++) {
            assertEquals(k, CorrectlyRoundedLog2.log2(Math.scalb(1.0, k)));
        }
        assertEquals(3.321928094887362, CorrectlyRoundedLog2.log2(10));   // numpy's np.log2(10)
        assertEquals(13.287712379549449, CorrectlyRoundedLog2.log2(10000));
    }

    @Test
    void saxeScheduleFollowsThePiecewiseRuleOnZeroBasedIndices() {
        EpochSchedule s = EpochSchedule.saxe();
        SortedSet<Integer> e = s.epochsUpTo(2300);
        for (int c = 1; c <= 20; c++) {
            assertTrue(e.contains(c));
        }
        assertTrue(e.contains(21) && e.contains(26) && !e.contains(22) && !e.contains(101 - 1));
        assertTrue(e.contains(101) && e.contains(121) && !e.contains(106));
        assertTrue(e.contains(2001) && e.contains(2101) && !e.contains(2021));
        assertEquals(20 + 16 + 95 + 3, e.size());
    }

    @Test
    void everyAndExplicit() {
        assertEquals(List.of(3, 6, 9), List.copyOf(EpochSchedule.every(3).epochsUpTo(10)));
        assertEquals(List.of(2, 5), List.copyOf(EpochSchedule.at(5, 2, 2).epochsUpTo(10)));
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.every(0));
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.at(0));
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.logSpaced(100, 1));
    }
}
