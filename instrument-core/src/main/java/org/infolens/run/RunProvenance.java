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
 * run starts and rewritten (atomically) when it ends. Made by {@link #started} and the withers, each
 * of which returns a copy with one part set.
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
 * @param launch      how the run was launched, when a bundled experiment launched it: the experiment's name
 *                    ({@code experiment}) and every option with its value ({@code options}), which launch it again
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
        Map<String, Object> launch,
        Map<String, Object> summary) {

    public static final int SCHEMA = 1;

    /** A run called {@code name} that started recording at {@code at}, on this JVM and machine, with this infolens: status running. */
    public static RunProvenance started(String name, Instant at) {
        return new RunProvenance(SCHEMA, name, RunStatus.RUNNING, InfolensVersion.infolens(), at, null, currentEnvironment(), null, null,
                null, null, null, null, null, null, null, null);
    }

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
        e.put("pid", ProcessHandle.current().pid()); // with host: a run whose process is gone is known dead (killed, crashed)
        e.put("host", RunLock.host());
        return e;
    }

    /**
     * Whether the run says it is running but the process writing it is gone (kill -9, out of memory, a
     * crash): its pid, on this host, no longer runs. A run on another host, or written before run.json held
     * pid and host, is taken at its word.
     */
    public boolean processGone() {
        if (status != RunStatus.RUNNING || environment == null || !(environment.get("pid") instanceof Number pid)
                || !(environment.get("host") instanceof String host)) {
            return false;
        }
        return RunLock.gone(pid.longValue(), host);
    }

    /** The status in words: run.json's, or that a running run's process is gone. */
    public String statusText() {
        if (processGone()) {
            return "dead (run.json says running, but its process, pid " + environment.get("pid") + " on " + environment.get("host")
                    + ", is gone: killed or crashed)";
        }
        return status == null ? "unknown" : status.json();
    }

    /** One entry of {@link #measures()}: a measure's name, label and every parameter. */
    public static Map<String, Object> measureEntry(String name, String label, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("label", label);
        m.put("params", params);
        return m;
    }

    /** The same provenance, ended with {@code endStatus} at {@code at}, with the run's {@code endSummary}. */
    public RunProvenance finish(RunStatus endStatus, Instant at, Map<String, Object> endSummary) {
        return new RunProvenance(schema, name, endStatus, infolens, startedAt, at, environment, framework, network, dataset,
                probe, seeds, measures, recording, settings, launch, endSummary);
    }

    /**
     * The same run going on again in this process ({@code resume}): status running, this JVM's pid and
     * host, the resumption listed under recording's {@code resumed} (epoch and time), the end summary cleared.
     */
    public RunProvenance resumed(int fromEpoch, Instant at) {
        Map<String, Object> rec = recording == null ? new LinkedHashMap<>() : new LinkedHashMap<>(recording);
        List<Object> resumes = new java.util.ArrayList<>();
        if (rec.get("resumed") instanceof List<?> earlier) {
            resumes.addAll(earlier);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("fromEpoch", fromEpoch);
        entry.put("at", at.toString());
        entry.put("previousStatus", status == null ? null : status.json());
        resumes.add(entry);
        rec.put("resumed", resumes);
        Map<String, Object> env = environment == null ? new LinkedHashMap<>() : new LinkedHashMap<>(environment);
        env.putAll(currentEnvironment());
        return new RunProvenance(schema, name, RunStatus.RUNNING, infolens, startedAt, null, env, framework, network, dataset,
                probe, seeds, measures, rec, settings, launch, null);
    }

    public RunProvenance withName(String runName) {
        return new RunProvenance(schema, runName, status, infolens, startedAt, finishedAt, environment, framework, network, dataset,
                probe, seeds, measures, recording, settings, launch, summary);
    }

    public RunProvenance withFramework(Map<String, Object> versions) {
        return new RunProvenance(schema, name, status, infolens, startedAt, finishedAt, environment, versions, network, dataset,
                probe, seeds, measures, recording, settings, launch, summary);
    }

    public RunProvenance withNetwork(JsonNode configuration) {
        return new RunProvenance(schema, name, status, infolens, startedAt, finishedAt, environment, framework, configuration, dataset,
                probe, seeds, measures, recording, settings, launch, summary);
    }

    public RunProvenance withDataset(Map<String, Object> description) {
        return new RunProvenance(schema, name, status, infolens, startedAt, finishedAt, environment, framework, network, description,
                probe, seeds, measures, recording, settings, launch, summary);
    }

    public RunProvenance withProbe(Map<String, Object> description) {
        return new RunProvenance(schema, name, status, infolens, startedAt, finishedAt, environment, framework, network, dataset,
                description, seeds, measures, recording, settings, launch, summary);
    }

    public RunProvenance withSeeds(Map<String, Long> byPurpose) {
        return new RunProvenance(schema, name, status, infolens, startedAt, finishedAt, environment, framework, network, dataset,
                probe, byPurpose, measures, recording, settings, launch, summary);
    }

    public RunProvenance withMeasures(List<Map<String, Object>> entries) {
        return new RunProvenance(schema, name, status, infolens, startedAt, finishedAt, environment, framework, network, dataset,
                probe, seeds, entries, recording, settings, launch, summary);
    }

    public RunProvenance withRecording(Map<String, Object> description) {
        return new RunProvenance(schema, name, status, infolens, startedAt, finishedAt, environment, framework, network, dataset,
                probe, seeds, measures, description, settings, launch, summary);
    }

    public RunProvenance withSettings(Map<String, Object> options) {
        return new RunProvenance(schema, name, status, infolens, startedAt, finishedAt, environment, framework, network, dataset,
                probe, seeds, measures, recording, options, launch, summary);
    }

    public RunProvenance withLaunch(Map<String, Object> howLaunched) {
        return new RunProvenance(schema, name, status, infolens, startedAt, finishedAt, environment, framework, network, dataset,
                probe, seeds, measures, recording, settings, howLaunched, summary);
    }
}
