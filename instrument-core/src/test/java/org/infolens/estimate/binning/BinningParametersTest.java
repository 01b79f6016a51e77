package org.infolens.estimate.binning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;
import org.junit.jupiter.api.Test;

class BinningParametersTest {

    private static Measure create(String... items) {
        return EstimatorCatalog.create(MeasureSpec.of("binning", List.of(items)));
    }

    @Test
    void parametersIncludeEveryDefault() {
        assertEquals(Map.of("edges", "fixed-range", "bins", 30, "lo", -1.0, "hi", 1.0, "belowRange", "wrap"),
                create().parameters());
        assertEquals(Map.of("edges", "adaptive", "bins", 30, "low", "auto"), create("edges=adaptive").parameters());
        assertEquals(-1.000001, create("edges=adaptive", "low=-1.000001").parameters().get("low"));
        assertEquals(0.5, create("edges=fixed-width", "binSize=0.5").parameters().get("binSize"));
        assertEquals("declared", create("edges=global-minmax", "lo=0", "hi=4").parameters().get("range"));
        assertEquals(100, create("edges=global-minmax").parameters().get("bins"));
    }

    @Test
    void unknownOrInapplicableParametersAreErrorsThatSayWhich() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> create("bims=3"));
        assertTrue(unknown.getMessage().contains("bims") && unknown.getMessage().contains("known: edges"), unknown.getMessage());
        IllegalArgumentException inapplicable = assertThrows(IllegalArgumentException.class, () -> create("binSize=0.1"));
        assertTrue(inapplicable.getMessage().contains("binSize") && inapplicable.getMessage().contains("fixed-range"));
        assertThrows(IllegalArgumentException.class, () -> create("edges=quantile"));
        assertThrows(IllegalArgumentException.class, () -> create("bins=many"));
        assertThrows(IllegalArgumentException.class, () -> create("edges=global-minmax", "lo=0"));
        IllegalArgumentException measure = assertThrows(IllegalArgumentException.class, () -> EstimatorCatalog.named("binnig"));
        assertTrue(measure.getMessage().contains("binning"));
    }
}
