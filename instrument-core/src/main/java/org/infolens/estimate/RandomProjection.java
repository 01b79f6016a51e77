package org.infolens.estimate;

import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Any measure on layers wider than {@code maxWidth}, read through a seeded Gaussian random projection
 * to {@code maxWidth} columns (entries N(0, 1/maxWidth)): by Johnson and Lindenstrauss, pairwise
 * distances survive within a factor 1 +- eps for maxWidth of order log N / eps^2, so distance-based
 * estimators (kernel bounds, k-NN, DSE) keep their values on a flattened convolution layer at a
 * fraction of the cost. One matrix per layer, the same at every epoch. Narrower layers pass through
 * unchanged. Spec form: {@code kde:maxWidth=1024}; recorded as {@code maxWidth} and
 * {@code projectionSeed}, and per layer as {@code projectedFrom} (the layer's own width).
 */
public final class RandomProjection extends ForwardingMeasure {

    public static final Param<Integer> WIDTH = Param.integer("maxWidth", "layers wider than this are read through a seeded Gaussian"
            + " random projection to this many columns").check(w -> w >= 1, ">= 1");
    public static final Param<Long> SEED = Param.seed("projectionSeed", "seed of the projection matrices")
            .onlyWhen(Condition.given(WIDTH));
    public static final ParameterSet PARAMETERS = ParameterSet.of(WIDTH, SEED);

    private final Config config;
    private final int maxWidth;
    private final long seed;
    private final Map<Integer, INDArray> matrices = new HashMap<>(); // by layer index; the worker is the only caller

    public RandomProjection(Measure inner, int maxWidth, long seed) {
        this(inner, PARAMETERS.builder(inner.label()).set(WIDTH, maxWidth).set(SEED, seed).build());
    }

    /** {@code inner} through the projection a configuration of {@link #PARAMETERS} with {@code maxWidth} describes. */
    public RandomProjection(Measure inner, Config config) {
        super(inner);
        this.config = config;
        this.maxWidth = config.get(WIDTH);
        this.seed = config.get(SEED);
    }

    @Override
    protected Map<String, Object> ownParameters() {
        return config.asMap();
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        if (values.columns() <= maxWidth) {
            return inner.estimate(layer, values, probe);
        }
        LayerId projected = new LayerId(layer.index(), layer.name(), maxWidth, layer.kind(), layer.activation(), 0, layer.frozen());
        Estimate e = inner.estimate(projected, project(layer, values), probe);
        Map<String, Object> lp = new LinkedHashMap<>(e.layerParameters());
        lp.put("projectedFrom", values.columns());
        return new Estimate(e.values(), lp, e.details(), e.intervals());
    }

    /** {@code values} (N x W) times this layer's W x maxWidth matrix. */
    Activations project(LayerId layer, Activations values) {
        INDArray r = matrices.get(layer.index());
        if (r == null || r.size(0) != values.columns()) {
            r = gaussian(values.columns(), layer.index());
            matrices.put(layer.index(), r);
        }
        long[] shape = {values.rows(), values.columns()};
        if (values.precision() == Activations.Precision.FLOAT64) {
            INDArray out = Nd4j.gemm(Nd4j.create(values.toDoubleArray(), shape, 'c'), r.castTo(DataType.DOUBLE), false, false);
            return Activations.wrap(out.dup('c').data().asDouble(), values.rows(), maxWidth);
        }
        INDArray out = Nd4j.gemm(Nd4j.create(values.toFloatArray(), shape, 'c'), r, false, false);
        return Activations.wrap(out.dup('c').data().asFloat(), values.rows(), maxWidth);
    }

    private INDArray gaussian(int width, int layerIndex) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + layerIndex);
        float[] m = new float[width * maxWidth];
        double scale = 1 / Math.sqrt(maxWidth);
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (rnd.nextGaussian() * scale);
        }
        return Nd4j.create(m, new long[] {width, maxWidth}, 'c');
    }
}
