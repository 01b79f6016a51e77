package org.infolens.estimate.knn;

import org.infolens.config.Config;
import org.infolens.measure.ConfiguredMeasure;

/** What the k-NN measures share: a configuration with their {@link KnnSettings}, labelled the same way. */
abstract class KnnMeasure extends ConfiguredMeasure {

    protected final KnnSettings settings;

    KnnMeasure(String name, Config config) {
        super(name, config);
        this.settings = KnnSettings.of(config);
    }

    @Override
    public String label() {
        return name() + "/" + settings.tag();
    }
}
