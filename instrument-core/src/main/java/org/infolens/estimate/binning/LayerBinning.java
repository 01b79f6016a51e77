package org.infolens.estimate.binning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one layer's values map to bins at one epoch: against sorted edges (numpy digitize, for the
 * fixed-range, global min-max and adaptive strategies) or by width (floor(value / width)). One final
 * class rather than an interface per strategy: {@link #bin} runs once per activation value, and a
 * call site that sees one class is inlined where several would not be.
 */
public final class LayerBinning {

    private final SortedEdges edges; // null: by width
    private final int belowFirst;    // bin of values below the first edge
    private final float width;
    private final Map<String, Object> layerParameters;
    private final Map<String, Object> details;

    private LayerBinning(SortedEdges edges, int belowFirst, float width, Map<String, Object> layerParameters,
                         Map<String, Object> details) {
        this.edges = edges;
        this.belowFirst = belowFirst;
        this.width = width;
        this.layerParameters = Collections.unmodifiableMap(new LinkedHashMap<>(layerParameters));
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static LayerBinning byEdges(SortedEdges edges, int belowFirst, Map<String, Object> layerParameters, Map<String, Object> details) {
        return new LayerBinning(edges, belowFirst, Float.NaN, layerParameters, details);
    }

    static LayerBinning byWidth(float width) {
        return new LayerBinning(null, 0, width, Map.of(), Map.of());
    }

    /** The bin of one value. Indices beyond the int range saturate (by width only). */
    public int bin(float value) {
        if (edges != null) {
            int b = edges.bin(value);
            return b < 0 ? belowFirst : b;
        }
        return (int) Math.floor(value / width); // float32 division, as numpy does for float32 activations
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
