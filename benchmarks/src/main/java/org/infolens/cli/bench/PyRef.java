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
 *
 * <p>It runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its environment: this machine sets them for
 * the older OpenBLAS that ND4J loads, and they slow a current numpy (its OpenBLAS then runs Haswell kernels with a
 * small L2 blocking), so numpy runs as a user's numpy would.
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
        String out = runPython(cmd);
        JsonNode json = Json.mapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        json.get("values_bits").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
        return new Result(values, json.get("seconds").asDouble());
    }

    /**
     * numpy's OpenBLAS as pyref runs it: its configuration and the kernel it chose, read from the library numpy
     * loaded (the scipy-openblas wheels prefix its symbols).
     */
    String openBlas() throws IOException {
        String probe = String.join("\n",
                "import ctypes, numpy",
                "libs = [l.split()[-1] for l in open('/proc/self/maps') if 'openblas' in l.lower() and '.so' in l]",
                "if not libs: print('numpy without OpenBLAS: ' + str(numpy.__version__)); raise SystemExit",
                "h = ctypes.CDLL(libs[0])",
                "for p in ('scipy_openblas_', 'openblas_'):",
                "    for s in ('64_', ''):",
                "        f, c = getattr(h, p + 'get_corename' + s, None), getattr(h, p + 'get_config' + s, None)",
                "        if f and c:",
                "            f.restype = c.restype = ctypes.c_char_p",
                "            print('numpy ' + numpy.__version__ + ', ' + c().decode().strip() + ', kernel ' + f().decode()); raise SystemExit",
                "print('numpy ' + numpy.__version__ + ', OpenBLAS ' + libs[0] + ' (version unknown)')");
        String out = runPython(List.of(python, "-c", probe));
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    private static String runPython(List<String> cmd) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().remove("OPENBLAS_CORETYPE");
        builder.environment().remove("OPENBLAS_L2_SIZE");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("pyref failed (" + String.join(" ", cmd) + "): " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pyref ran", e);
        }
        return out;
    }

    @Override
    public String toString() {
        return python + " " + script;
    }
}
