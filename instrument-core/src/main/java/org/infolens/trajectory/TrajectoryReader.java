package org.infolens.trajectory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON Lines trajectory, of this schema or an older one (schema 1's {@code values_bits} are read
 * as values with the units their measure declares). Tolerates fields it does not know and a
 * cut-off last line (a run still writing, or one that crashed) and skips a malformed line in the middle
 * with a warning naming it (a write that failed part way); rejects a record of a newer schema and a
 * file with no valid record, naming the file and line.
 */
public final class TrajectoryReader {

    private TrajectoryReader() {
    }

    /** The records of a trajectory file and what the reader had to leave out. */
    public record Trajectory(Path file, List<TrajectoryRecord> records, List<String> warnings) {
    }

    public static Trajectory read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no trajectory file");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        }
        boolean endsWithNewline = endsWithNewline(file);
        List<TrajectoryRecord> records = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String firstProblem = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.size() - 1;
            try {
                JsonNode node = Json.mapper().readTree(line);
                int schema = node.path("schema").asInt(-1);
                if (schema > TrajectoryRecord.SCHEMA) {
                    throw new IOException(file + ": line " + (i + 1) + " is trajectory schema " + schema
                            + ", newer than this infolens reads (" + TrajectoryRecord.SCHEMA + "); update infolens");
                }
                if (schema < 1) {
                    throw new IllegalArgumentException("not an infolens trajectory record (no schema field)");
                }
                records.add(Json.mapper().treeToValue(schema == 1 ? fromSchema1((ObjectNode) node) : node, TrajectoryRecord.class));
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException | ClassCastException e) {
                if (last && !endsWithNewline) {
                    warnings.add("line " + (i + 1) + " is cut off (an interrupted write) and was skipped");
                } else {
                    // A record cut by a failed write (disk full) with whole ones after it: the rest of the run is still good.
                    String why = "line " + (i + 1) + " is not a valid trajectory record: " + firstLine(e.getMessage());
                    firstProblem = firstProblem == null ? why : firstProblem;
                    warnings.add(why + "; skipped");
                }
            }
        }
        if (records.isEmpty() && firstProblem != null) { // nothing readable: not a trajectory at all
            throw new IOException(file + ": " + firstProblem);
        }
        return new Trajectory(file, List.copyOf(records), List.copyOf(warnings));
    }

    /**
     * A schema-1 record in today's form: its {@code values_bits} become {@code values}, with the units
     * its measure declares; its {@code params} stay as written (parameters and resolved values together).
     */
    private static ObjectNode fromSchema1(ObjectNode node) {
        JsonNode values = node.remove("values_bits");
        if (values != null) {
            node.set("values", values);
            List<String> names = new ArrayList<>();
            values.fieldNames().forEachRemaining(names::add);
            node.set("units", Json.mapper().valueToTree(ValueNames.declaredUnits(node.path("measure").asText(), names)));
        }
        return node;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return true;
        }
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, size - 1);
            return b.get(0) == '\n';
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
