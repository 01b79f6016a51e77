package org.infolens.estimate.knn;

import static org.infolens.numeric.SpecialFunctions.digamma;
import static org.infolens.numeric.SpecialFunctions.digamma;

import java.util.List;
import java.util.Map;
import org.infolens.config.Config;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;

import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Quantity;

/**
 * Kozachenko-Leonenko entropy of a layer's activations: H = psi(N) - psi(k) + ln V_d + (d/N) sum_i
 * ln r_k(i), with r_k the distance to the k-th neighbour and V_d the volume of the unit ball (2^d
 * for max-norm). Differential entropy, in bits; it can be negative and, for a deterministic network
 * on distinct inputs, it describes the geometry of the representation rather than information.
 */
public final class KozachenkoLeonenkoEntropy extends KnnMeasure {

    public static final String NAME = "kl-entropy";
    private static final double LN2 = Math.log(2);

    /** The {@code kl-entropy} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "Kozachenko-Leonenko entropy of T", KnnSettings.PARAMETERS, List.of(Output.bits(Quantity.H_T)),
                    KozachenkoLeonenkoEntropy::new);
        }
    }

    public KozachenkoLeonenkoEntropy(KnnSettings settings) {
        this(settings.configure(KnnSettings.PARAMETERS.builder(NAME)).build());
    }

    private KozachenkoLeonenkoEntropy(Config config) {
        super(NAME, config);
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        PointSet points = PointSet.of(values).jittered(settings.jitter(), settings.seed());
        double nats = entropyNats(points, settings, layer);
        return new Estimate(Map.of("H_T", nats / LN2), Map.of(), Map.of("nats", nats));
    }

    /** The entropy of a point set, nats. */
    static double entropyNats(PointSet points, KnnSettings s, LayerId layer) {
        int n = points.rows();
        int d = points.dims();
        Knn.checkK(s.k(), n);
        double[] r = NeighbourSearch.over(points, s.norm()).kthNeighbourDistances(s.k());
        double sumLog = 0;
        int zeros = 0;
        for (double ri : r) {
            if (ri > 0) {
                sumLog += Math.log(ri);
            } else {
                zeros++;
            }
        }
        if (zeros > 0) {
            throw new IllegalArgumentException("layer " + layer.describe() + ": " + zeros + " of " + n + " points have their "
                    + "k-th neighbour (k = " + s.k() + ") at distance 0 (repeated points); use jitter > 0");
        }
        return digamma(n) - digamma(s.k()) + s.norm().logUnitBallVolume(d) + d * sumLog / n;
    }
}
