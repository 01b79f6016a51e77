package org.infolens.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infolens.trajectory.Json;

/**
 * Runs the reference implementations (shared/anchors/pyref.py) in a separate Python process, for
 * side-by-side checks and timings. pyref reports its own estimation time, input loading excluded.
 */
final class PyRef {

    private final String python;
    private final Path script;

    private PyRef(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * {@code script} if given, else $INFOLENS_PYREF, else ../shared/anchors/pyref.py beside the
     * repository (the ./infolens script passes its location).
     */
    static PyRef locate(Path script, String python) {
        Path s = script;
        if (s == null && System.getenv("INFOLENS_PYREF") != null) {
            s = Path.of(System.getenv("INFOLENS_PYREF"));
        }
        if (s == null) {
            s = Path.of(System.getProperty("infolens.home", ".")).resolve("../shared/anchors/pyref.py").normalize();
        }
        if (!Files.isRegularFile(s)) {
            throw new IllegalArgumentException("pyref.py not found at " + s + "; give its path with --pyref or $INFOLENS_PYREF");
        }
        return new PyRef(python, s);
    }

    /** One pyref result: its values in bits and its estimation seconds. */
    record Result(Map<String, Double> values, double seconds) {
    }

    Result run(String estimator, Path activations, Path labels, Map<String, String> params) throws IOException {
        return run(estimator, activations, labels, null, params);
    }

    Result run(String estimator, Path activations, Path labels, Path inputs, Map<String, String> params) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), estimator, "--activations", activations.toString()));
        if (labels != null) {
            cmd.addAll(List.of("--labels", labels.toString()));
        }
        if (inputs != null) {
            cmd.addAll(List.of("--inputs", inputs.toString()));
        }
        params.forEach((k, v) -> cmd.addAll(List.of("--param", k + "=" + v)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("pyref failed (" + String.join(" ", cmd) + "): " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pyref ran", e);
        }
        JsonNode json = Json.mapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        json.get("values_bits").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
        return new Result(values, json.get("seconds").asDouble());
    }

    @Override
    public String toString() {
        return python + " " + script;
    }
}
