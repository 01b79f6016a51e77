package org.infolens.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.data.Probe;

/**
 * What a framework adapter knows when it records a run's first epoch, for the pipeline and run.json.
 *
 * @param probe       the labels and input ids of the probe rows every snapshot holds
 * @param description the probe set for run.json: rows, shapes, classes, distinct inputs, a hash of it
 * @param framework   the framework's and backend's versions and settings (run.json's {@code framework})
 * @param network     the network's configuration as the framework writes it (JSON text), or null
 * @param seeds       the network's own seeds, by purpose; the session adds the run's other seeds after them
 * @param recording   how the adapter records (schedule, layers, where it captures): the first entries of
 *                    run.json's {@code recording}; the session adds the queue's settings and sizes after them
 */
public record RunStart(Probe probe, Map<String, Object> description, Map<String, Object> framework, String network,
                       Map<String, Long> seeds, Map<String, Object> recording) {

    public RunStart {
        description = ordered(description);
        framework = ordered(framework);
        seeds = ordered(seeds);
        recording = ordered(recording);
    }

    /** An unmodifiable copy in the caller's order: run.json lists the entries as the adapter wrote them. */
    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
