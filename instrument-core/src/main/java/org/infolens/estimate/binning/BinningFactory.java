package org.infolens.estimate.binning;

import java.util.List;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureFactory;
import org.infolens.measure.Parameters;

/**
 * {@code binning} from text parameters, with the names of the reference implementation (pyref.py):
 * edges (fixed-range | fixed-width | global-minmax | adaptive), bins, binSize, low, lo, hi; plus
 * belowRange (wrap | clamp) for fixed-range.
 *
 * <p>Defaults follow the published methods: fixed-range 30 edges on [-1, 1] with the original
 * below-range wrap; fixed-width 0.07; global-minmax 100 bins on the observed range (for one file
 * that is the file's own min and max); adaptive 30 bins with low from the activation or the data.
 */
public final class BinningFactory implements MeasureFactory {

    static final List<String> STRATEGIES = List.of("fixed-range", "fixed-width", "global-minmax", "adaptive");

    @Override
    public String name() {
        return BinnedInformation.NAME;
    }

    @Override
    public String description() {
        return "plug-in MI of binned joint layer patterns: H_T, I_XT, I_TY (edges: " + String.join(", ", STRATEGIES) + ")";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("edges", "bins", "binSize", "low", "lo", "hi", "belowRange");
    }

    @Override
    public Measure create(Parameters p) {
        String edges = p.choice("edges", "fixed-range", STRATEGIES);
        String why = "with edges=" + edges;
        p.rejectUnless(!edges.equals("fixed-width"), "bins", why);
        p.rejectUnless(edges.equals("fixed-width"), "binSize", why);
        p.rejectUnless(edges.equals("adaptive"), "low", why);
        p.rejectUnless(edges.equals("fixed-range") || edges.equals("global-minmax"), "lo", why);
        p.rejectUnless(edges.equals("fixed-range") || edges.equals("global-minmax"), "hi", why);
        p.rejectUnless(edges.equals("fixed-range"), "belowRange", why);
        Discretizer d = switch (edges) {
            case "fixed-range" -> FixedRangeDiscretizer.builder()
                    .bins(p.integer("bins", 30))
                    .range(p.real("lo", -1), p.real("hi", 1))
                    .belowRange(p.choice("belowRange", "wrap", List.of("wrap", "clamp")).equals("wrap")
                            ? FixedRangeDiscretizer.BelowRange.WRAP : FixedRangeDiscretizer.BelowRange.CLAMP)
                    .build();
            case "fixed-width" -> FixedWidthDiscretizer.builder().binSize(p.real("binSize", 0.07)).build();
            case "global-minmax" -> {
                GlobalMinMaxDiscretizer.Builder b = GlobalMinMaxDiscretizer.builder().bins(p.integer("bins", 100));
                if (p.has("lo") != p.has("hi")) {
                    throw new IllegalArgumentException("binning with edges=global-minmax needs both lo and hi, or neither (observed range)");
                }
                yield (p.has("lo") ? b.range(p.real("lo", 0), p.real("hi", 0)) : b.observedRange()).build();
            }
            default -> {
                AdaptiveDiscretizer.Builder b = AdaptiveDiscretizer.builder().bins(p.integer("bins", 30));
                String low = p.string("low", "auto");
                yield (low.equalsIgnoreCase("auto") ? b.autoLow() : b.low(p.real("low", 0))).build();
            }
        };
        p.requireAllUsed(parameterNames());
        return new BinnedInformation(d);
    }
}
