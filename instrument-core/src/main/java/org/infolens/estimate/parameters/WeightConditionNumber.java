package org.infolens.estimate.parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.infolens.config.ParameterSet;
import org.infolens.data.LayerParameters;
import org.infolens.data.WeightMatrix;
import org.infolens.measure.Estimate;
import org.infolens.measure.Output;
import org.infolens.measure.ParameterMeasure;
import org.infolens.measure.ParameterMeasureProvider;
import org.infolens.measure.Unit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Condition number of a layer's weight matrix, sigma_max / sigma_min (ESTIMATORS.md section 7).
 * Singular values by LAPACK (dgesvd through ND4J, values only: no singular vectors).
 *
 * <p>A rank-deficient matrix has an infinite condition number, which a record cannot hold: when
 * sigma_min is at or below numpy's matrix_rank tolerance (sigma_max x max(rows, columns) x machine
 * epsilon) the record gives sigma_max and sigma_min without {@code condition}, and flags
 * {@code details.rankDeficient} with the numerical rank. Values are plain numbers, not bits.
 */
public final class WeightConditionNumber implements ParameterMeasure {

    public static final String NAME = "weight-condition";

    private static final double EPSILON = Math.ulp(1.0);

    /** It has no parameters. */
    public static final ParameterSet PARAMETERS = ParameterSet.of();

    /** The {@code weight-condition} family for the catalog. */
    public static final class Provider extends ParameterMeasureProvider {
        public Provider() {
            super(NAME, "sigma_max / sigma_min of a layer's weight matrix (listener only)", PARAMETERS, List.of(
                    Output.of("sigma_max", "\u03c3 max", Unit.NUMBER), Output.of("sigma_min", "\u03c3 min", Unit.NUMBER),
                    Output.of("condition", "condition number", Unit.NUMBER)), c -> new WeightConditionNumber());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public Set<Input> reads() {
        return Set.of(Input.WEIGHTS);
    }

    @Override
    public boolean appliesTo(LayerParameters p) {
        return p.weightMatrix().isPresent();
    }

    @Override
    public int sampleSize(LayerParameters p) {
        return p.weights().rows();
    }

    @Override
    public Estimate estimate(LayerParameters p) {
        WeightMatrix w = p.weightMatrix().orElseThrow(() -> new IllegalArgumentException(
                "layer " + p.layer().describe() + " has no weight matrix"));
        long nonFinite = w.countNonFinite();
        if (nonFinite > 0) {
            throw new IllegalArgumentException("the weights of layer " + p.layer().describe() + " hold " + nonFinite
                    + " NaN or infinite values");
        }
        double[] sigma = singularValues(w);
        double max = sigma[0];
        double min = sigma[sigma.length - 1];
        double tolerance = max * Math.max(w.rows(), w.columns()) * EPSILON;
        int rank = 0;
        for (double s : sigma) {
            if (s > tolerance) {
                rank++;
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("sigma_max", max);
        values.put("sigma_min", min);
        boolean deficient = rank < sigma.length;
        if (!deficient) {
            values.put("condition", max / min);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", w.rows());
        details.put("columns", w.columns());
        details.put("rank", rank);
        details.put("rankDeficient", deficient);
        return new Estimate(values, Map.of(), details);
    }

    /** Singular values in descending order (min(rows, columns) of them). */
    static double[] singularValues(WeightMatrix w) {
        INDArray a = Nd4j.create(w.toArray(), new long[] {w.rows(), w.columns()}, DataType.DOUBLE); // gesvd overwrites it
        INDArray s = Nd4j.create(DataType.DOUBLE, Math.min(w.rows(), w.columns()));
        Nd4j.getBlasWrapper().lapack().gesvd(a, s, null, null);
        return s.toDoubleVector();
    }

    @Override
    public String toString() {
        return "WeightConditionNumber[" + NAME + "]";
    }
}
