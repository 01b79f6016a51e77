package org.infolens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.trajectory.Json;

/** One estimate on a matrix taken as one layer, as {@code estimate} prints it and the benchmarks time it. */
public final class Estimation {

    private Estimation() {
    }

    /** One estimate with its effective parameters and timing. */
    public record Outcome(Measure measure, Map<String, Object> params, int n, Estimate estimate, double seconds) {

        /** The JSON object {@code estimate} prints. */
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("measure", measure.name());
            o.set("params", Json.mapper().valueToTree(params));
            o.put("n", n);
            o.set("values_bits", Json.mapper().valueToTree(estimate.valuesBits()));
            if (!estimate.intervals().isEmpty()) {
                o.set("intervals", Json.mapper().valueToTree(estimate.intervals()));
            }
            o.set("details", Json.mapper().valueToTree(estimate.details()));
            o.put("seconds", seconds);
            return o;
        }
    }

    /**
     * Estimates on one matrix taken as one layer. A measure that needs the whole run (a global range)
     * takes this matrix as the whole run.
     */
    public static Outcome estimateOnce(Measure m, Activations t, Probe probe) {
        LayerId layer = LayerId.of(0, t.columns());
        long t0 = System.nanoTime();
        m.runObserver().ifPresent(o -> {
            o.observe(layer, t);
            o.complete();
        });
        Estimate e = m.estimate(layer, t, probe);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> p = new LinkedHashMap<>(m.parameters());
        p.putAll(e.layerParameters());
        return new Outcome(m, p, m.rowsUsed(t.rows()), e, seconds);
    }
}
