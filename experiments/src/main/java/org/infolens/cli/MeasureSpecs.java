package org.infolens.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.measure.Measure;
import org.infolens.measure.Parameters;

/** Measures from command-line specs: {@code name} or {@code name:param=value,param=value}. */
final class MeasureSpecs {

    private MeasureSpecs() {
    }

    static List<Measure> parse(List<String> specs) {
        List<Measure> measures = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            String name = colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
            List<String> params = colon < 0 || colon == spec.length() - 1 ? List.of()
                    : Arrays.asList(spec.substring(colon + 1).split(","));
            measures.add(EstimatorCatalog.named(name).create(Parameters.parse(name, params)));
        }
        return measures;
    }
}
