package org.infolens.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The measured rate is the flops of the product over the time of the fastest (peak) and median call; bad shapes are refused. */
class GemmPeakTest {

    @Test
    void ratesArePositiveAndThePeakIsAtLeastTheMedian() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            GemmPeak.Result r = GemmPeak.of(type, 96, 64, 80).timing(0, 5).measure();
            assertEquals(type, r.type());
            assertTrue(r.gflops() > 0 && Double.isFinite(r.gflops()), r.toString());
            assertTrue(r.gflops() >= r.medianGflops(), r.toString());
            assertEquals(2.0 * 96 * 64 * 80 / (r.gflops() * 1e9), r.secondsAtPeak(2.0 * 96 * 64 * 80), 1e-15);
        }
    }

    @Test
    void refusesOtherTypesAndEmptyShapes() {
        assertThrows(IllegalArgumentException.class, () -> GemmPeak.of(DataType.INT, 4, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> GemmPeak.of(DataType.FLOAT, 0, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> GemmPeak.of(DataType.FLOAT, 4, 4, 4).timing(1, 0));
    }
}
