package org.infolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.measure.Estimate;

import org.infolens.measure.Unit;
import org.infolens.trajectory.JsonLinesTrajectoryWriter;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plot, report and compare on small trajectories, and their answers to bad input: one line on stderr, exit code 2. */
class FigureCommandsTest {

    @TempDir
    Path dir;

    /** A run directory with a trajectory only: binning estimates of 2 layers at epochs 0, 1, 2, 4, 8. */
    private Path run(String name) throws IOException {
        Path run = dir.resolve(name);
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(run.resolve("trajectory.jsonl"))) {
            for (int epoch : new int[] {0, 1, 2, 4, 8}) {
                for (int l = 0; l < 2; l++) {
                    Map<String, Double> values = new LinkedHashMap<>();
                    values.put("I_XT", 8.0 - l - epoch / 4.0);
                    values.put("I_TY", 0.5 + epoch / 20.0);
                    w.accept(new TrajectoryRecord(TrajectoryRecord.SCHEMA, name, epoch, epoch, new LayerId(l, "l" + l, 4, LayerKind.DENSE, "tanh"),
                            "binning", "binning/adaptive-30", Map.of("bins", 30), Map.of(), 256, RecordStatus.OK, values,
                            Map.of("I_XT", Unit.BITS, "I_TY", Unit.BITS), Map.of(),
                            Map.of("log2N", 8.0, "H_Y", 1.0), null, 0.01, Instant.EPOCH));
                }
            }
        }
        return run;
    }

    private static void assertBadInput(InfolensCliTest.Result r, String expected) {
        assertEquals(InfolensCli.BAD_INPUT, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("warning: ")).count(), "one line besides warnings: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void plotDrawsEveryFigureAndReportWritesOnePage() throws IOException {
        Path run = run("a");
        InfolensCliTest.Result plot = InfolensCliTest.run("plot", run.toString());
        assertEquals(0, plot.exit(), plot.err());
        assertTrue(plot.out().contains("information-plane.png") && plot.out().contains("measures-vs-epoch.svg"), plot.out());
        assertTrue(Files.size(run.resolve("figures/information-plane.png")) > 10_000);
        assertTrue(plot.err().contains("warning: a: no run.json"), plot.err());

        InfolensCliTest.Result report = InfolensCliTest.run("report", run.toString());
        assertEquals(0, report.exit(), report.err());
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,") && html.contains("<caption>binning/adaptive-30</caption>"));
        assertTrue(report.out().matches("(?s).*report\\.html \\(\\d+ KB, 10 records, [0-9.]+ s\\).*"), report.out());

        // a run without run.json has no status to wait for: --watch writes once and ends
        InfolensCliTest.Result watch = InfolensCliTest.run("report", run.toString(), "--watch", "--interval", "1");
        assertEquals(0, watch.exit(), watch.err());
    }

    @Test
    void aTruncatedTrajectoryPlotsWhatItHasWithAWarning() throws IOException {
        Path run = run("cut");
        Path f = run.resolve("trajectory.jsonl");
        String text = Files.readString(f);
        Files.writeString(f, text.substring(0, text.length() - 25));
        InfolensCliTest.Result r = InfolensCliTest.run("plot", run.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: cut: trajectory.jsonl: line 10 is cut off (an interrupted write) and was skipped"), r.err());
        assertTrue(Files.exists(run.resolve("figures/information-plane.svg")));
    }

    @Test
    void badRunDirectoriesAreOneLineAndExitCode2() throws IOException {
        assertBadInput(InfolensCliTest.run("plot", dir.resolve("nowhere").toString()), "no such run directory");
        Files.createDirectories(dir.resolve("bare"));
        assertBadInput(InfolensCliTest.run("report", dir.resolve("bare").toString()), "no trajectory: not a run directory");
        Files.writeString(dir.resolve("bare/trajectory.jsonl"), "");
        assertBadInput(InfolensCliTest.run("plot", dir.resolve("bare").toString()), "has no complete record (an empty file");
        Path newer = run("newer");
        Path f = newer.resolve("trajectory.jsonl");
        Files.writeString(f, Files.readString(f).replace("\"schema\":" + TrajectoryRecord.SCHEMA + ",", "\"schema\":" + (TrajectoryRecord.SCHEMA + 1) + ","));
        assertBadInput(InfolensCliTest.run("plot", newer.toString()), "newer than this infolens reads");
        assertBadInput(InfolensCliTest.run("compare", run("one").toString()), "compare");
        assertBadInput(InfolensCliTest.run("compare", run("x").toString(), run("y").toString(), "--measure", "kde/upper"),
                "run x has no plane for 'kde/upper'");
    }

    @Test
    void compareWritesThePlanesSideBySide() throws IOException {
        InfolensCliTest.Result r = InfolensCliTest.run("compare", run("tanh").toString(), run("relu").toString(), "--out",
                dir.resolve("cmp").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(dir.resolve("cmp/comparison.png")) > 10_000);
        assertTrue(Files.readString(dir.resolve("cmp/comparison.svg")).contains("<svg"));
    }
}
