package org.infolens.estimate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.ForwardingMeasure;
import org.infolens.measure.Measure;
import org.infolens.numeric.RandomRows;

/**
 * Any measure on a fixed seeded subset of at most {@code rows} probe rows: the same rows at every
 * epoch and layer, so a trajectory stays comparable along itself. For costly measures on a large
 * probe (the kernel bounds are O(N^2 d)): cheap measures keep every row while a costly one reads a
 * part. Spec form: {@code kde:bound=upper,probeRows=2000}; recorded as {@code probeRows} and
 * {@code probeSeed} with the measure's own parameters, and as the record's {@code n}.
 */
public final class ProbeSubsample extends ForwardingMeasure {

    /** The spec parameters every measure accepts through this wrapper. */
    public static final String ROWS = "probeRows";
    public static final String SEED = "probeSeed";

    private final int rows;
    private final long seed;
    private Chosen chosen; // the subset of the last probe seen (the listener's probe never changes)

    private record Chosen(Probe probe, int[] rows, Probe selected) {
    }

    public ProbeSubsample(Measure inner, int rows, long seed) {
        super(inner);
        if (rows < 2) {
            throw new IllegalArgumentException(inner.label() + ": " + ROWS + " must be >= 2, got " + rows);
        }
        this.rows = rows;
        this.seed = seed;
    }

    @Override
    protected Map<String, Object> ownParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(ROWS, rows);
        p.put(SEED, seed);
        return p;
    }

    @Override
    public int rowsUsed(int probeRows) {
        return Math.min(rows, probeRows);
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        if (values.rows() <= rows) {
            return inner.estimate(layer, values, probe);
        }
        Chosen c = chosen;
        if (c == null || c.probe() != probe || c.rows().length != rows) {
            int[] subset = RandomRows.subset(values.rows(), rows, new SplittableRandom(seed));
            c = new Chosen(probe, subset, probe.selectRows(subset));
            chosen = c;
        }
        return inner.estimate(layer, values.selectRows(c.rows()), c.selected());
    }
}
