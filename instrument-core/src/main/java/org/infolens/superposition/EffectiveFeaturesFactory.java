package org.infolens.superposition;

import java.util.List;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureFactory;
import org.infolens.measure.Parameters;

/**
 * {@code effective-features} from text parameters: rows, dictionaryRatio, lambda, learningRate, batch,
 * patience, maxEpochs, minImprovement, seed, warmStart (true | false).
 */
public final class EffectiveFeaturesFactory implements MeasureFactory {

    @Override
    public String name() {
        return EffectiveFeatures.NAME;
    }

    @Override
    public String description() {
        return "effective features of a sparse autoencoder's dictionary (Bereska et al.): F, ratio = F / width (counts)";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("rows", "dictionaryRatio", "lambda", "learningRate", "batch", "patience", "maxEpochs", "minImprovement", "seed",
                "warmStart");
    }

    @Override
    public Measure create(Parameters p) {
        SparseAutoencoder.Settings d = SparseAutoencoder.Settings.defaults();
        Measure m = EffectiveFeatures.builder()
                .rows(p.integer("rows", 10_000))
                .dictionaryRatio(p.integer("dictionaryRatio", d.dictionaryRatio()))
                .lambda(p.real("lambda", d.lambda()))
                .learningRate(p.real("learningRate", d.learningRate()))
                .batch(p.integer("batch", d.batch()))
                .patience(p.integer("patience", d.patience()))
                .maxEpochs(p.integer("maxEpochs", d.maxEpochs()))
                .minImprovement(p.real("minImprovement", d.minImprovement()))
                .seed(p.integer("seed", 0))
                .warmStart(p.choice("warmStart", "true", List.of("true", "false")).equals("true"))
                .build();
        p.requireAllUsed(parameterNames());
        return m;
    }
}
