package org.infolens.experiments.mlp;

import org.infolens.experiments.ImageCommand;
import org.infolens.experiments.data.KnownDataset;
import picocli.CommandLine.Command;

/** {@code infolens run fashion-mlp}. */
@Command(name = MlpExperiment.FASHION_NAME, mixinStandardHelpOptions = true,
        description = "Train 784-1024-20-20-20-10 on Fashion-MNIST, recording every layer on held-out test images. Default"
                + " measures: binning adaptive 30 and fixed-width 0.5 (all probe rows), kde upper (probeRows=2000), dse maxN=500.")
public final class FashionMlpCommand extends ImageCommand {

    public FashionMlpCommand() {
        super(KnownDataset.FASHION_MNIST, MlpExperiment.DEFAULT_PROBE, MlpExperiment.DEFAULT_MEASURES, MlpExperiment::run);
    }
}
