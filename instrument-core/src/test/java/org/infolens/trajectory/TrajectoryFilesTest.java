package org.infolens.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.measure.Estimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryFilesTest {

    @TempDir
    Path dir;

    static TrajectoryRecord record(int epoch, int layer, double ixt) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("edges", "fixed-range");
        params.put("bins", 30);
        return TrajectoryRecord.estimated("test", epoch, 10L * epoch, new LayerId(layer, "l" + layer, 5, LayerKind.DENSE, "tanh"), "binning",
                "binning/fixed-range-30", params, 4096, new Estimate(Map.of("I_XT", ixt, "I_TY", 0.5), Map.of(), Map.of("patterns", 7)), 0.01)
                .withTime(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void recordsRoundTripWithEveryField() throws IOException {
        Path f = dir.resolve("t.jsonl");
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(f)) {
            w.accept(record(1, 0, 3.25));
            w.accept(record(2, 1, 4.5));
        }
        TrajectoryReader.Trajectory t = TrajectoryReader.read(f);
        assertEquals(List.of(record(1, 0, 3.25), record(2, 1, 4.5)), t.records());
        assertTrue(t.warnings().isEmpty());
        String firstLine = Files.readAllLines(f).get(0);
        assertTrue(firstLine.startsWith("{\"schema\":1,"), firstLine);
        assertTrue(firstLine.contains("\"values_bits\":{"), firstLine);
        var fields = new java.util.ArrayList<String>();
        Json.mapper().readTree(firstLine).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("schema", "run", "epoch", "iteration", "layer", "measure", "label", "status", "n", "values_bits",
                "params", "details", "seconds", "time"), fields, "the format's fields, nothing derived");
    }

    @Test
    void intervalsRoundTripAndAreLeftOutWhenAbsent() throws IOException {
        Path f = dir.resolve("t.jsonl");
        TrajectoryRecord plain = record(1, 0, 3.0);
        TrajectoryRecord withInterval = plain.withValues(plain.valuesBits(), Map.of("I_XT", new org.infolens.measure.Interval(2.5, 3.5, 3.1)));
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(f)) {
            w.accept(plain);
            w.accept(withInterval);
        }
        List<String> lines = Files.readAllLines(f);
        assertTrue(!lines.get(0).contains("intervals"), lines.get(0));
        assertTrue(lines.get(1).contains("\"intervals\":{\"I_XT\":{\"low\":2.5,\"high\":3.5,\"centre\":3.1}}"), lines.get(1));
        assertEquals(List.of(plain, withInterval), TrajectoryReader.read(f).records());
    }

    @Test
    void readerIgnoresFieldsItDoesNotKnow() throws IOException {
        Path f = dir.resolve("t.jsonl");
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(f)) {
            w.accept(record(1, 0, 3.0));
        }
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(Files.readString(f));
        node.put("gpu", "none"); // fields a newer writer might add, at the top and nested
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("layer")).putArray("shape").add(5);
        Files.writeString(f, Json.mapper().writeValueAsString(node) + "\n");
        TrajectoryRecord r = TrajectoryReader.read(f).records().get(0);
        assertEquals(3.0, r.value("I_XT"));
        assertEquals(5, r.layer().width());
    }

    @Test
    void truncatedLastLineIsSkippedWithAWarning() throws IOException {
        Path f = dir.resolve("t.jsonl");
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(f)) {
            w.accept(record(1, 0, 3.0));
            w.accept(record(2, 0, 3.5));
        }
        String full = Files.readString(f);
        Files.writeString(f, full.substring(0, full.length() - 20)); // a crash mid-write
        TrajectoryReader.Trajectory t = TrajectoryReader.read(f);
        assertEquals(1, t.records().size());
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().get(0).contains("line 2"));
    }

    @Test
    void appendingAfterACrashDropsThePartialLineFirst() throws IOException {
        Path f = dir.resolve("t.jsonl");
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(f)) {
            w.accept(record(1, 0, 3.0));
        }
        Files.writeString(f, "{\"schema\":1,\"run\":\"te", StandardOpenOption.APPEND);
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(f)) {
            w.accept(record(2, 0, 3.5));
        }
        TrajectoryReader.Trajectory t = TrajectoryReader.read(f);
        assertEquals(List.of(record(1, 0, 3.0), record(2, 0, 3.5)), t.records());
        assertTrue(t.warnings().isEmpty());
    }

    @Test
    void malformedLineInTheMiddleIsAnErrorNamingTheLine() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "{\"schema\":1,\"run\":\"x\"\nnot json\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> TrajectoryReader.read(f));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void newerSchemaIsRejectedWithAClearMessage() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "{\"schema\":99,\"run\":\"x\"}\n");
        IOException e = assertThrows(IOException.class, () -> TrajectoryReader.read(f));
        assertTrue(e.getMessage().contains("schema 99"), e.getMessage());
    }

    @Test
    void missingFileIsReportedByName() {
        Path f = dir.resolve("absent.jsonl");
        IOException e = assertThrows(IOException.class, () -> TrajectoryReader.read(f));
        assertTrue(e.getMessage().contains("absent.jsonl"));
    }
}
