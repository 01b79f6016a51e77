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

import org.infolens.measure.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryFilesTest {

    @TempDir
    Path dir;

    static TrajectoryRecord record(int epoch, int layer, double ixt) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("edges", "fixed-range");
        params.put("bins", 30);
        Map<String, Double> values = new LinkedHashMap<>(); // in order: the test reads the line's text
        values.put("I_XT", ixt);
        values.put("I_TY", 0.5);
        Map<String, Unit> units = new LinkedHashMap<>();
        units.put("I_XT", Unit.BITS);
        units.put("I_TY", Unit.BITS);
        return new TrajectoryRecord(TrajectoryRecord.SCHEMA, "test", epoch, 10L * epoch, new LayerId(layer, "l" + layer, 5, LayerKind.DENSE, "tanh"),
                "binning", "binning/fixed-range-30", params, Map.of("low", -1.000001), 4096, RecordStatus.OK, values, units, Map.of(), Map.of("patterns", 7), null, 0.01, Instant.parse("2026-11-22T10:00:00Z"));
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
        assertTrue(firstLine.startsWith("{\"schema\":2,"), firstLine);
        assertTrue(firstLine.contains("\"values\":{\"I_XT\":3.25,\"I_TY\":0.5},\"units\":{\"I_XT\":\"bits\",\"I_TY\":\"bits\"}"), firstLine);
        var fields = new java.util.ArrayList<String>();
        Json.mapper().readTree(firstLine).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("schema", "run", "epoch", "iteration", "layer", "measure", "label", "status", "n", "values", "units",
                "params", "resolved", "details", "seconds", "time"), fields, "the format's fields, nothing derived");
    }

    /** Lines as infolens wrote them with schema 1: values_bits for every value, bits or not, and params merged with resolved values. */
    @Test
    void schemaOneRecordsReadWithTheUnitsTheirMeasuresDeclare() throws IOException {
        Path f = dir.resolve("old.jsonl");
        String layer = "\"layer\":{\"index\":0,\"name\":\"l0\",\"width\":4,\"kind\":\"dense\",\"activation\":\"tanh\"}";
        Files.writeString(f, String.join("\n",
                "{\"schema\":1,\"run\":\"old\",\"epoch\":3,\"iteration\":30," + layer + ",\"measure\":\"binning\",\"label\":\"binning/adaptive-30\","
                        + "\"status\":\"ok\",\"n\":100,\"values_bits\":{\"H_T\":6.5,\"I_XT\":6.5,\"I_TY\":0.9},"
                        + "\"params\":{\"edges\":\"adaptive\",\"bins\":30,\"low\":-1.000001},\"details\":{},\"seconds\":0.1}",
                "{\"schema\":1,\"run\":\"old\",\"epoch\":3,\"iteration\":30," + layer + ",\"measure\":\"training\",\"label\":\"training\","
                        + "\"status\":\"ok\",\"n\":100,\"values_bits\":{\"loss\":0.4,\"probe_accuracy\":0.8},\"params\":{},\"details\":{},\"seconds\":0}",
                "{\"schema\":1,\"run\":\"old\",\"epoch\":3,\"iteration\":30," + layer + ",\"measure\":\"effective-features\","
                        + "\"label\":\"effective-features/x4\",\"status\":\"ok\",\"n\":100,\"values_bits\":{\"F\":6.1,\"ratio\":1.5},"
                        + "\"params\":{},\"details\":{},\"seconds\":1}",
                "{\"schema\":1,\"run\":\"old\",\"epoch\":3,\"iteration\":30," + layer + ",\"measure\":\"unknown-to-us\",\"status\":\"ok\","
                        + "\"n\":100,\"values_bits\":{\"X\":1.0},\"params\":{},\"details\":{},\"seconds\":1}") + "\n");
        List<TrajectoryRecord> r = TrajectoryReader.read(f).records();
        assertEquals(Map.of("H_T", 6.5, "I_XT", 6.5, "I_TY", 0.9), r.get(0).values());
        assertEquals(Map.of("H_T", Unit.BITS, "I_XT", Unit.BITS, "I_TY", Unit.BITS), r.get(0).units());
        assertEquals(-1.000001, r.get(0).params().get("low"), "schema 1 kept resolved values in params");
        assertEquals(Map.of("loss", Unit.NUMBER, "probe_accuracy", Unit.NUMBER), r.get(1).units());
        assertEquals(Map.of("F", Unit.COUNT, "ratio", Unit.NUMBER), r.get(2).units());
        assertEquals(Map.of("X", Unit.BITS), r.get(3).units(), "what values_bits said, where no measure declares otherwise");
    }

    @Test
    void intervalsRoundTripAndAreLeftOutWhenAbsent() throws IOException {
        Path f = dir.resolve("t.jsonl");
        TrajectoryRecord plain = record(1, 0, 3.0);
        TrajectoryRecord withInterval = plain.withValues(plain.values(), Map.of("I_XT", new org.infolens.measure.Interval(2.5, 3.5, 3.1)));
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
    void aMalformedLineInTheMiddleIsSkippedAndCountedWithAWarning() throws IOException {
        Path f = dir.resolve("t.jsonl");
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(f)) {
            w.accept(record(1, 0, 3.0));
        }
        Files.writeString(f, "{\"schema\":2,\"run\":\"te\n", StandardOpenOption.APPEND); // a record cut by a full disk
        Files.writeString(f, Json.mapper().writeValueAsString(record(2, 0, 3.5)) + "\n", StandardOpenOption.APPEND);
        TrajectoryReader.Trajectory t = TrajectoryReader.read(f);
        assertEquals(List.of(record(1, 0, 3.0), record(2, 0, 3.5)), t.records());
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().get(0).contains("line 2") && t.warnings().get(0).contains("skipped"), t.warnings().get(0));
    }

    @Test
    void aFileWithNoValidRecordIsAnErrorNamingTheFileAndLine() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "{\"schema\":1,\"run\":\"x\"\nnot json\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> TrajectoryReader.read(f));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("t.jsonl"), e.getMessage());
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
