package org.infolens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.Output;
import org.infolens.trajectory.Json;

/** One estimate on a matrix taken as one layer, as {@code estimate} prints it and the benchmarks time it. */
public final class Estimation {

    private Estimation() {
    }

    /** One estimate with its measure, the rows it used and its timing. */
    public record Outcome(Measure measure, int n, Estimate estimate, double seconds) {

        /** The JSON object {@code estimate} prints: a trajectory record's fields for the same things. */
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("measure", measure.name());
            o.set("params", Json.mapper().valueToTree(measure.parameters()));
            if (!estimate.layerParameters().isEmpty()) {
                o.set("resolved", Json.mapper().valueToTree(estimate.layerParameters()));
            }
            o.put("n", n);
            o.set("values", Json.mapper().valueToTree(estimate.values()));
            o.set("units", Json.mapper().valueToTree(Output.unitsOf(measure.label(), measure.outputs(), estimate.values().keySet())));
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
        return new Outcome(m, m.rowsUsed(t.rows()), e, seconds);
    }
}
