package org.infolens.estimate.lossy;

import java.util.List;
import java.util.Locale;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureFactory;
import org.infolens.measure.Parameters;

/**
 * {@code lossy} from text parameters: components, inputCompression (autoencoder | pca),
 * inputComponents, k, jitter, seed, autoencoderEpochs, autoencoderHidden.
 */
public final class LossyFactory implements MeasureFactory {

    @Override
    public String name() {
        return LossyCompressionMI.NAME;
    }

    @Override
    public String description() {
        return "MI of PCA / autoencoder codes by weighted k-NN entropies (Butakov et al.): H_T, I_XT, I_TY";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("components", "inputCompression", "inputComponents", "k", "jitter", "seed", "autoencoderEpochs",
                "autoencoderHidden");
    }

    @Override
    public Measure create(Parameters p) {
        LossyCompressionMI.InputCompression how = LossyCompressionMI.InputCompression.valueOf(
                p.choice("inputCompression", "autoencoder", List.of("autoencoder", "pca")).toUpperCase(Locale.ROOT));
        p.rejectUnless(how == LossyCompressionMI.InputCompression.AUTOENCODER, "autoencoderEpochs", "with inputCompression=pca");
        p.rejectUnless(how == LossyCompressionMI.InputCompression.AUTOENCODER, "autoencoderHidden", "with inputCompression=pca");
        Measure m = LossyCompressionMI.builder()
                .components(p.integer("components", 4))
                .inputCompression(how, p.integer("inputComponents", 4))
                .k(p.integer("k", 5))
                .jitter(p.real("jitter", 1e-10))
                .seed(p.integer("seed", 0))
                .autoencoder(p.integer("autoencoderEpochs", 50), p.integer("autoencoderHidden", 64))
                .build();
        p.requireAllUsed(parameterNames());
        return m;
    }
}
