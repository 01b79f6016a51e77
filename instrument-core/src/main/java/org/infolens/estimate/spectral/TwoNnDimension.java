package org.infolens.estimate.spectral;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.knn.NeighbourSearch;
import org.infolens.estimate.knn.Norm;
import org.infolens.estimate.knn.PointSet;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;

/**
 * TwoNN intrinsic dimension (Facco et al. 2017): with r1, r2 each point's distances to its two
 * nearest neighbours (Euclidean, as Facco et al.; or max-norm, whose balls also grow as r^d), mu = r2 / r1 is Pareto with exponent d, so -ln(1 - F(mu)) = d ln mu. The
 * slope of that line through the origin, fitted on the empirical F = i / N after discarding the
 * largest {@code discard} fraction of mu (default 0.1), is the dimension. Points with r1 = 0
 * (repeated rows) have no ratio and are left out, counted in the record.
 */
public final class TwoNnDimension extends ConfiguredMeasure {

    public static final String NAME = "twonn";

    public static final Param<Double> DISCARD = Param.real("discard", 0.1, "share of the largest ratios r2 / r1 left out of the fit")
            .check(d -> d >= 0 && d < 1, "in [0, 1)");
    public static final Param<Norm> NORM = Param.choice("norm", Norm.EUCLIDEAN, "distance between rows");
    public static final ParameterSet PARAMETERS = ParameterSet.of(DISCARD, NORM);

    /** The {@code twonn} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "TwoNN intrinsic dimension of T", PARAMETERS, List.of(Output.of("twonn_dimension", "TwoNN dimension", Unit.COUNT)),
                    TwoNnDimension::new);
        }
    }

    private final double discard;

    private TwoNnDimension(Config config) {
        super(NAME, config);
        this.discard = config.get(DISCARD);
    }

    /** Euclidean distances, the largest {@code discard} share of the ratios left out. */
    public TwoNnDimension(double discard) {
        this(PARAMETERS.builder(NAME).set(DISCARD, discard).build());
    }

    public TwoNnDimension() {
        this(PARAMETERS.defaults(NAME));
    }



    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        int n = values.rows();
        if (n < 3) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has " + n + " probe row(s): TwoNN needs at least 3");
        }
        double[][] r = NeighbourSearch.over(PointSet.of(values), config.get(NORM)).neighbourDistances(2);
        double[] mu = new double[n];
        int kept = 0;
        for (double[] pair : r) {
            if (pair[0] > 0) {
                mu[kept++] = pair[1] / pair[0];
            }
        }
        int fitted = (int) Math.floor(kept * (1 - discard));
        if (fitted < 2) {
            throw new IllegalArgumentException("layer " + layer.describe() + ": only " + kept + " of " + n
                    + " rows have a nearest neighbour at a distance > 0 (repeated rows); TwoNN needs distinct points");
        }
        mu = Arrays.copyOf(mu, kept);
        Arrays.sort(mu);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < fitted; i++) {
            double x = Math.log(mu[i]);
            double y = -Math.log(1 - (i + 1.0) / kept);
            sxy += x * y;
            sxx += x * x;
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("layer " + layer.describe() + ": every second neighbour is as near as the first; "
                    + "no TwoNN dimension");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rowsWithoutRatio", n - kept);
        details.put("ratiosFitted", fitted);
        return new Estimate(Map.of("twonn_dimension", sxy / sxx), Map.of(), details);
    }

}
