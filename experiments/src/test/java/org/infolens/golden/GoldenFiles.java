package org.infolens.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.infolens.trajectory.Json;

/**
 * Golden files (as Tribuo keeps them): outputs checked in under {@code src/test/resources/golden},
 * compared field by field after every change, so that a refactoring that changes a recorded value
 * fails. Run with {@code -Dgolden.regenerate=true} (what {@code scripts/regenerate-golden} does) to
 * write them anew from the current code: do that only for a deliberate change, and in the same
 * commit as that change.
 *
 * <p>Numbers are compared to a relative 1e-9 (on the machine the files were made on they are
 * bit-identical; the tolerance covers another CPU's summation order in BLAS), or an absolute 1e-12: values
 * near 0 (a DSE of 1e-4 bits on nearly identical rows, whose spectrum is one eigenvalue and rounding) move
 * by that much between LAPACK builds and drivers, far below the 1e-9 bits that agreement with pyref asks. The order of an
 * object's fields is not compared (parameter maps built with Map.of change it from JVM to JVM). Fields
 * that change from run to run by nature (times, durations, the machine) are named by the caller and
 * skipped.
 */
final class GoldenFiles {

    static final double RELATIVE_TOLERANCE = 1e-9;
    static final double ABSOLUTE_TOLERANCE = 1e-12;
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    static boolean regenerating() {
        return Boolean.getBoolean("golden.regenerate");
    }

    /** Compares {@code actual} with golden file {@code name}, or writes it when regenerating. */
    static void check(String name, List<JsonNode> actual, Set<String> volatileFields) throws IOException {
        check(name, actual, volatileFields, golden -> Tolerance.DEFAULT);
    }

    /** How far a number may move: relatively, or absolutely (whichever is wider). */
    record Tolerance(double relative, double absolute) {
        static final Tolerance DEFAULT = new Tolerance(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
    }

    /**
     * As {@link #check(String, List, Set)}, with each golden object's numbers compared to the tolerance {@code tolerance}
     * gives for it (an estimate computed in float32 needs a wider one than 1e-9).
     */
    static void check(String name, List<JsonNode> actual, Set<String> volatileFields, Function<JsonNode, Tolerance> tolerance)
            throws IOException {
        Path file = ROOT.resolve(name);
        if (regenerating()) {
            Files.createDirectories(file.getParent());
            StringBuilder s = new StringBuilder();
            for (JsonNode n : actual) {
                s.append(Json.mapper().writeValueAsString(n)).append('\n');
            }
            Files.writeString(file, s.toString());
            return;
        }
        assertTrue(Files.exists(file), file + " is missing: run scripts/regenerate-golden");
        List<JsonNode> expected = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                expected.add(Json.mapper().readTree(line));
            }
        }
        List<String> differences = new ArrayList<>();
        if (expected.size() != actual.size()) {
            differences.add(name + ": " + expected.size() + " golden objects, " + actual.size() + " now");
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            compare(name + "[" + i + "]", expected.get(i), actual.get(i), volatileFields, tolerance.apply(expected.get(i)),
                    differences);
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " difference(s) from the golden file " + file + " (first 20):\n"
                    + String.join("\n", differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, Set<String> volatileFields, Tolerance tolerance,
                                List<String> out) {
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.asDouble();
            double a = actual.asDouble();
            if (!(e == a || Math.abs(e - a) <= Math.max(tolerance.absolute(), tolerance.relative() * Math.max(Math.abs(e), Math.abs(a))))) {
                out.add(path + ": " + e + " -> " + a);
            }
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            out.add(path + ": " + expected + " -> " + actual);
            return;
        }
        if (expected.isObject()) {
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            Iterator<Map.Entry<String, JsonNode>> it = actual.fields();
            while (it.hasNext()) {
                String f = it.next().getKey();
                if (!expected.has(f) && !volatileFields.contains(f)) {
                    out.add(path + "." + f + ": new field");
                }
            }
            for (String f : names) {
                if (volatileFields.contains(f)) {
                    continue;
                }
                if (!actual.has(f)) {
                    out.add(path + "." + f + ": missing");
                } else {
                    compare(path + "." + f, expected.get(f), actual.get(f), volatileFields, tolerance, out);
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": " + expected.size() + " elements -> " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), volatileFields, tolerance, out);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": " + expected + " -> " + actual);
        }
    }
}
