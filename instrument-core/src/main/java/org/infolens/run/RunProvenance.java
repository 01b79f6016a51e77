package org.infolens.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to know what produced a run's numbers (run.json): versions, machine, network
 * configuration, data and probe identity, seeds, measure configurations, timing. Written when the
 * run starts and rewritten (atomically) when it ends.
 *
 * @param schema      run.json format version
 * @param name        the run's name
 * @param status      running, finished or failed
 * @param infolens    infolens version
 * @param startedAt   when recording began
 * @param finishedAt  when the run ended (null while running)
 * @param environment Java, OS, processors, memory
 * @param framework   DL4J / ND4J versions, backend, data type
 * @param network     the network configuration as DL4J writes it (JSON), or null
 * @param dataset     what the network was trained on: name, source, sizes, hash
 * @param probe       the probe set: rows, classes, distinct inputs, SHA-256 of its features and labels
 * @param seeds       every seed used, by purpose
 * @param measures    each measure's name, label and parameters
 * @param recording   schedule, layer filter, queue capacity and back-pressure policy
 * @param settings    the experiment's own options (epochs, batch size, learning rate, ...)
 * @param summary     counts at the end: records written, errors, skipped epochs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "name", "status", "infolens", "startedAt", "finishedAt"})
public record RunProvenance(
        int schema,
        String name,
        RunStatus status,
        String infolens,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Object> environment,
        Map<String, Object> framework,
        JsonNode network,
        Map<String, Object> dataset,
        Map<String, Object> probe,
        Map<String, Long> seeds,
        List<Map<String, Object>> measures,
        Map<String, Object> recording,
        Map<String, Object> settings,
        Map<String, Object> summary) {

    public static final int SCHEMA = 1;

    /** This JVM and machine. */
    public static Map<String, Object> currentEnvironment() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("javaVersion", System.getProperty("java.version"));
        e.put("javaVendor", System.getProperty("java.vendor"));
        e.put("osName", System.getProperty("os.name"));
        e.put("osVersion", System.getProperty("os.version"));
        e.put("osArch", System.getProperty("os.arch"));
        e.put("processors", Runtime.getRuntime().availableProcessors());
        e.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        return e;
    }

    /** One entry of {@link #measures()}: a measure's name, label and every parameter. */
    public static Map<String, Object> measureEntry(String name, String label, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("label", label);
        m.put("params", params);
        return m;
    }

    /** The same provenance, ended. */
    public RunProvenance finish(RunStatus endStatus, Instant at, Map<String, Object> endSummary) {
        return new RunProvenance(schema, name, endStatus, infolens, startedAt, at, environment, framework, network, dataset,
                probe, seeds, measures, recording, settings, endSummary);
    }
}
