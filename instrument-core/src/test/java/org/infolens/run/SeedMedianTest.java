package org.infolens.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.measure.Estimate;
import org.infolens.trajectory.JsonLinesTrajectoryWriter;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;

import org.infolens.measure.Unit;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedMedianTest {

    private static TrajectoryRecord ok(String run, int epoch, int layer, String label, double ixt, double ity) {
        return new TrajectoryRecord(TrajectoryRecord.SCHEMA, run, epoch, epoch * 10L, new LayerId(layer, "l" + layer, 4, LayerKind.DENSE, "tanh"),
                "binning", label, Map.of("bins", 30), Map.of(), 100, RecordStatus.OK, Map.of("I_XT", ixt, "I_TY", ity), Map.of("I_XT", Unit.BITS, "I_TY", Unit.BITS), Map.of(),
                Map.of(), null, 0.5,
                Instant.parse("2026-11-22T10:00:00Z").plusSeconds(epoch));
    }

    private static TrajectoryRecord failed(String run, int epoch, int layer, String label, RecordStatus status) {
        return new TrajectoryRecord(TrajectoryRecord.SCHEMA, run, epoch, epoch * 10L, new LayerId(layer, "l" + layer, 4, LayerKind.DENSE, "tanh"),
                "binning", label, Map.of("bins", 30), Map.of(), 100, status, Map.of(), Map.of(), Map.of(), Map.of(), "why " + run, 0,
                Instant.parse("2026-11-22T10:00:00Z"));
    }

    private static TrajectoryRecord find(List<TrajectoryRecord> r, int epoch, int layer, String label) {
        return r.stream().filter(x -> x.epoch() == epoch && x.layer().index() == layer && x.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void medianAndRangeOverSeedsPerEpochLayerAndMeasure() {
        List<TrajectoryRecord> a = List.of(ok("a", 0, 1, "m", 3.0, 0.1), ok("a", 0, 2, "m", 2.0, 0.2), ok("a", 5, 1, "m", 4.0, 0.5));
        List<TrajectoryRecord> b = List.of(ok("b", 0, 1, "m", 1.0, 0.3), ok("b", 0, 2, "m", 2.5, 0.1), ok("b", 5, 1, "m", 6.0, 0.7));
        List<TrajectoryRecord> c = List.of(ok("c", 5, 1, "m", 5.5, 0.9), ok("c", 0, 1, "m", 2.0, 0.2), ok("c", 0, 2, "m", 9.0, 0.4));
        List<TrajectoryRecord> m = SeedMedian.of("median", List.of(a, b, c));
        assertEquals(3, m.size());
        assertEquals(List.of(0, 0, 5), m.stream().map(TrajectoryRecord::epoch).toList(), "epoch order, then layer");
        TrajectoryRecord r = find(m, 0, 1, "m");
        assertEquals(2.0, r.value("I_XT"), 0);
        assertEquals(1.0, r.intervals().get("I_XT").low(), 0);
        assertEquals(3.0, r.intervals().get("I_XT").high(), 0);
        assertEquals(0.2, r.value("I_TY"), 0);
        assertEquals("median", r.run());
        assertEquals(3, r.details().get("seedsUsed"));
        assertEquals(2.5, find(m, 0, 2, "m").value("I_XT"), 0);
        assertEquals(5.5, find(m, 5, 1, "m").value("I_XT"), 0);
        assertEquals(1.5, find(m, 5, 1, "m").seconds(), 1e-12, "the seeds' estimation time in all");
    }

    @Test
    void aMissingSeedLeavesTheMedianOfTheRestAndNoSeedAtAllAnErrorRecord() {
        List<TrajectoryRecord> a = List.of(ok("a", 1, 1, "m", 3.0, 0.1), failed("a", 2, 1, "m", RecordStatus.ERROR));
        List<TrajectoryRecord> b = List.of(failed("b", 1, 1, "m", RecordStatus.SKIPPED), failed("b", 2, 1, "m", RecordStatus.SKIPPED));
        List<TrajectoryRecord> c = List.of(ok("c", 1, 1, "m", 4.0, 0.3), failed("c", 2, 1, "m", RecordStatus.ERROR));
        List<TrajectoryRecord> m = SeedMedian.of("median", List.of(a, b, c));
        TrajectoryRecord two = find(m, 1, 1, "m");
        assertEquals(3.5, two.value("I_XT"), 1e-12, "even count: mean of the middle two");
        assertEquals(2, two.details().get("seedsUsed"));
        TrajectoryRecord none = find(m, 2, 1, "m");
        assertEquals(RecordStatus.ERROR, none.status());
        assertTrue(none.message().contains("why a"), none.message());
        assertThrows(IllegalArgumentException.class, () -> SeedMedian.of("median", List.of(a)));
    }

    @Test
    void writesAMedianRunThatReadsBackWithTheMembersNamed(@TempDir Path dir) throws Exception {
        List<RunDirectory> members = new ArrayList<>();
        double[] accuracy = {0.9, 0.7, 0.8};
        for (int s = 1; s <= 3; s++) {
            RunDirectory run = new RunDirectory(dir.resolve("exp-s" + s));
            try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(run.trajectoryFile())) {
                w.accept(ok("exp-s" + s, 0, 1, "m", s, 0.1 * s));
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("testAccuracy", accuracy[s - 1]);
            run.writeProvenance(RunProvenance.started("exp-s" + s, Instant.EPOCH).withSeeds(Map.of("network", (long) s))
                    .withSettings(Map.of("epochs", 3)).withLaunch(Map.of("experiment", "exp")).finish(RunStatus.FINISHED, Instant.EPOCH, summary));
            members.add(run);
        }
        RunDirectory median = new RunDirectory(dir.resolve("exp-median"));
        SeedMedian.writeRun(median, members);
        List<TrajectoryRecord> back = TrajectoryReader.read(median.trajectoryFile()).records();
        assertEquals(1, back.size());
        assertEquals(2.0, back.get(0).value("I_XT"), 0);
        assertEquals(3.0, back.get(0).intervals().get("I_XT").high(), 0);
        RunProvenance p = median.readProvenance();
        assertEquals("median", p.settings().get("aggregate"));
        assertEquals("[1, 2, 3]", String.valueOf(p.settings().get("seeds")), "each member's network seed");
        assertEquals(List.of("exp-s1", "exp-s2", "exp-s3"), p.settings().get("members"));
        assertEquals(null, p.launch(), "the median is no one launch's run");
        assertEquals(0.8, ((Number) p.summary().get("testAccuracy")).doubleValue(), 1e-12);
        assertEquals(3, p.settings().get("epochs"));
    }
}
