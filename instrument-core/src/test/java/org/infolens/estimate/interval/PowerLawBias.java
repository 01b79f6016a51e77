package org.infolens.estimate.interval;

import java.util.List;
import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;

/**
 * 1 - c N^-alpha plus the mean of T's first column (noise of the 1/N kind every estimate has): a
 * bias linear in 1/N at alpha = 1, and at alpha = 1/2 one of the power laws k-NN estimators show in
 * several dimensions, which no straight line in 1/N extrapolates away. Records the name of each layer
 * it is asked to estimate.
 */
record PowerLawBias(double c, double alpha, List<String> layersSeen) implements NatsMeasure {

    /** Without a record of the layers. */
    PowerLawBias(double c, double alpha) {
        this(c, alpha, new java.util.ArrayList<>());
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        layersSeen.add(layer.name());
        double mean = 0;
        for (int i = 0; i < values.rows(); i++) {
            mean += values.get(i, 0) / values.rows();
        }
        return Estimate.of(Map.of("I", 1 - c * Math.pow(values.rows(), -alpha) + mean));
    }
}
