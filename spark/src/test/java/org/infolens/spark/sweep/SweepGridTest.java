package org.infolens.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grid a sweep's command line describes: axes, names, seeds, and what it refuses. */
class SweepGridTest {

    @Test
    void commaListsAreAxesAndTheGridIsTheirProductTimesTheSeeds() {
        SweepGrid g = SweepGrid.parse("ib12", List.of("--epochs", "30", "--activation", "tanh,relu", "--l2=0,0.001", "--random-labels"),
                SweepGrid.seeds("1-3"));
        assertEquals(List.of("--epochs", "30", "--random-labels"), g.fixed());
        assertEquals(Map.of("--activation", List.of("tanh", "relu"), "--l2", List.of("0", "0.001")), g.axes());
        List<SweepRun> runs = g.runs();
        assertEquals(2 * 2 * 3, runs.size());
        assertEquals("ib12-activation_tanh-l2_0-s1", runs.get(0).name());
        assertEquals("ib12-activation_relu-l2_0.001-s3", runs.get(runs.size() - 1).name());
        assertEquals(List.of("--epochs", "30", "--random-labels", "--activation", "relu", "--l2", "0.001", "--quiet", "--seed", "3"),
                runs.get(runs.size() - 1).arguments());
        assertEquals("ib12-activation_relu-l2_0.001-median", g.medianName(g.variants().get(3)));
        assertEquals(12, runs.stream().map(SweepRun::name).distinct().count());
    }

    @Test
    void aMeasureSpecKeepsItsOwnCommas() {
        assertEquals(List.of("binning", "ksg:k=5,algorithm=2", "kde:bound=lower"), SweepGrid.values("binning,ksg:k=5,algorithm=2,kde:bound=lower"));
        SweepGrid g = SweepGrid.parse("ib12", List.of("--measure", "ksg:k=5,algorithm=2"), List.of(1L));
        assertEquals(List.of("--measure", "ksg:k=5,algorithm=2"), g.fixed(), "one spec with two parameters is no axis");
        assertEquals("ib12-measure_ksg_k=5-s1", SweepGrid.parse("ib12", List.of("--measure", "ksg:k=5,binning"), List.of(1L)).runs().get(0).name());
    }

    @Test
    void seedsAreRangesAndLists() {
        assertEquals(List.of(1L, 2L, 3L, 7L), SweepGrid.seeds("1-3,7"));
        assertEquals(50, SweepGrid.seeds("1-50").size());
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.seeds("5-1"));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.seeds("one"));
    }

    @Test
    void badGridsAreRefusedWithOneLine() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("ib12", List.of(), List.of())).getMessage()
                .contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("ib12", List.of("--activation", "tanh,"), List.of(1L)))
                .getMessage().contains("empty value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("ib12", List.of(), List.of(1L, 1L))).getMessage()
                .contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("ib12", List.of("--out", "x"), List.of(1L)))
                .getMessage().contains("set by the sweep"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("ib12", List.of("--no-such", "1"), List.of(1L)))
                .getMessage().contains("no option --no-such"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("toy-superposition", List.of(), List.of(1L)))
                .getMessage().contains("records no run"));
    }
}
