package org.infolens.estimate.binning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.data.Activations.Precision;

/**
 * How one layer's values map to bins at one epoch: against sorted edges (numpy digitize, for the
 * fixed-range, global min-max and adaptive strategies) or by width (floor(value / width)). One final
 * class rather than an interface per strategy: {@link #bin} runs once per activation value, and a
 * call site that sees one class is inlined where several would not be.
 */
public final class LayerBinning {

    private final SortedEdges edges; // null: by width
    private final int belowFirst;    // bin of values below the first edge
    private final double width;
    private final float width32;
    private final Precision precision; // float32: looked up and divided in float32, as numpy does for float32 arrays
    private final Map<String, Object> layerParameters;
    private final Map<String, Object> details;

    private LayerBinning(SortedEdges edges, int belowFirst, double width, Precision precision,
                         Map<String, Object> layerParameters, Map<String, Object> details) {
        this.edges = edges;
        this.belowFirst = belowFirst;
        this.width = width;
        this.width32 = (float) width;
        this.precision = precision;
        this.layerParameters = Collections.unmodifiableMap(new LinkedHashMap<>(layerParameters));
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static LayerBinning byEdges(SortedEdges edges, int belowFirst, Precision precision,
                                Map<String, Object> layerParameters, Map<String, Object> details) {
        return new LayerBinning(edges, belowFirst, Double.NaN, precision, layerParameters, details);
    }

    static LayerBinning byWidth(double width, Precision precision) {
        return new LayerBinning(null, 0, width, precision, Map.of(), Map.of());
    }

    /** The same binning for values of the given precision. */
    LayerBinning in(Precision valuePrecision) {
        return valuePrecision == precision ? this
                : new LayerBinning(edges, belowFirst, width, valuePrecision, layerParameters, details);
    }

    /**
     * The bin of one value (of this binning's precision: a float32 value widened to double is looked
     * up as the float it is). Indices beyond the int range saturate (by width only).
     */
    public int bin(double value) {
        boolean float32 = precision == Precision.FLOAT32;
        if (edges != null) {
            int b = float32 ? edges.bin((float) value) : edges.binFloat64(value);
            return b < 0 ? belowFirst : b;
        }
        return (int) Math.floor(float32 ? (float) value / width32 : value / width);
    }

    /** Parameters resolved for this layer (an adaptive lower limit). */
    public Map<String, Object> layerParameters() {
        return layerParameters;
    }

    /** Diagnostics (the number of distinct levels EBAB found). */
    public Map<String, Object> details() {
        return details;
    }
}
