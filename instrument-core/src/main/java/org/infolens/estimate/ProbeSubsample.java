package org.infolens.estimate;

import java.util.Map;
import java.util.SplittableRandom;
import org.infolens.config.Condition;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
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
    public static final Param<Integer> ROWS = Param.integer("probeRows", "read a fixed seeded subset of this many probe rows")
            .check(r -> r >= 2, ">= 2");
    public static final Param<Long> SEED = Param.seed("probeSeed", "seed of the probe-row subset").onlyWhen(Condition.given(ROWS));
    public static final ParameterSet PARAMETERS = ParameterSet.of(ROWS, SEED);

    private final Config config;
    private final int rows;
    private final long seed;
    private Chosen chosen; // the subset of the last probe seen (the listener's probe never changes)

    private record Chosen(Probe probe, int[] rows, Probe selected) {
    }

    public ProbeSubsample(Measure inner, int rows, long seed) {
        this(inner, PARAMETERS.builder(inner.label()).set(ROWS, rows).set(SEED, seed).build());
    }

    /** {@code inner} on the subset a configuration of {@link #PARAMETERS} with {@code probeRows} describes. */
    public ProbeSubsample(Measure inner, Config config) {
        super(inner);
        this.config = config;
        this.rows = config.get(ROWS);
        this.seed = config.get(SEED);
    }

    @Override
    protected Map<String, Object> ownParameters() {
        return config.asMap();
    }

    @Override
    public int[] rowsRead(int probeRows) {
        if (probeRows <= rows) {
            return inner.rowsRead(probeRows);
        }
        int[] subset = subset(probeRows);
        int[] read = inner.rowsRead(rows); // positions within the subset, when the inner measure subsamples again
        for (int i = 0; i < read.length; i++) {
            read[i] = subset[read[i]];
        }
        return read;
    }

    private int[] subset(int probeRows) {
        return RandomRows.subset(probeRows, rows, new SplittableRandom(seed));
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        if (values.rows() <= rows) {
            return inner.estimate(layer, values, probe);
        }
        Chosen c = chosen;
        if (c == null || c.probe() != probe || c.rows().length != rows) {
            int[] subset = subset(values.rows());
            c = new Chosen(probe, subset, probe.selectRows(subset));
            chosen = c;
        }
        return inner.estimate(layer, values.selectRows(c.rows()), c.selected());
    }
}
