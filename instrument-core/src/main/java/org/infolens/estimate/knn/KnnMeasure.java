package org.infolens.estimate.knn;

import java.util.Map;
import org.infolens.measure.Measure;

/** What the k-NN measures share: their settings, named and labelled the same way. */
abstract class KnnMeasure implements Measure {

    protected final KnnSettings settings;
    private final String name;

    KnnMeasure(String name, KnnSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public String label() {
        return name + "/" + settings.tag();
    }

    @Override
    public Map<String, Object> parameters() {
        return settings.parameters();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + parameters();
    }
}
