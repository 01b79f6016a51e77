package com.example.infolens;

import java.util.List;
import java.util.Map;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Quantity;

/**
 * Entropy of a layer under a Gaussian model, in bits: H(T) = (d/2) log2(2 pi e) + (1/2) log2 det(S + ridge I),
 * S the covariance of the probe rows. Exact for Gaussian activations; for others, the largest entropy
 * any distribution with their covariance can have.
 */
// README:begin
public final class GaussianEntropy extends ConfiguredMeasure {

    public static final String NAME = "gaussian-entropy";

    // Each parameter once: name, default, check, doc. Specs, builders and parameters() all come from here.
    public static final Param<Double> RIDGE = Param.real("ridge", 0, "added to the covariance's diagonal (for constant units)")
            .check(r -> r >= 0, ">= 0");
    public static final ParameterSet PARAMETERS = ParameterSet.of(RIDGE);
    // What it gives, with units: H(T) in bits, so figures and reports know it as the entropy of T.
    public static final List<Output> OUTPUTS = List.of(Output.bits(Quantity.H_T));

    /** What META-INF/services/org.infolens.measure.MeasureProvider names. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "entropy of T under a Gaussian model", PARAMETERS, OUTPUTS, GaussianEntropy::new);
        }
    }

    private GaussianEntropy(Config config) {
        super(NAME, config); // name(), parameters() and toString() come from here
    }
    // README:end

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        int n = values.rows();
        int d = values.columns();
        if (n < 2) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has " + n + " probe row(s): a covariance needs 2");
        }
        double[][] s = covariance(values);
        for (int i = 0; i < d; i++) {
            s[i][i] += config.get(RIDGE);
        }
        double logDet = 0; // by Cholesky: log det S = 2 sum log L_ii
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < j; k++) {
                for (int i = j; i < d; i++) {
                    s[i][j] -= s[i][k] * s[j][k];
                }
            }
            if (!(s[j][j] > 0)) {
                throw new IllegalArgumentException("layer " + layer.describe() + ": the covariance is singular (a constant or"
                        + " dependent unit); give ridge > 0");
            }
            double pivot = Math.sqrt(s[j][j]);
            for (int i = j; i < d; i++) {
                s[i][j] /= pivot;
            }
            logDet += 2 * Math.log(pivot);
        }
        double nats = 0.5 * d * Math.log(2 * Math.PI * Math.E) + 0.5 * logDet;
        return Estimate.of(Map.of("H_T", nats / Math.log(2)));
    }

    private static double[][] covariance(Activations a) {
        int n = a.rows();
        int d = a.columns();
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                mean[j] += a.get(r, j) / (double) n;
            }
        }
        double[][] s = new double[d][d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    s[i][j] += (a.get(r, i) - mean[i]) * (a.get(r, j) - mean[j]) / n;
                }
            }
        }
        return s; // lower triangle: all Cholesky reads
    }

    /** A row resampled with replacement only weighs more in S: the bootstrap suits it. */
    @Override
    public boolean biasedByRepeatedRows() {
        return false;
    }
}
