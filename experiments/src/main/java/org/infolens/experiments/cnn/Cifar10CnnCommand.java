package org.infolens.experiments.cnn;

import org.infolens.experiments.ImageCommand;
import org.infolens.experiments.data.KnownDataset;
import picocli.CommandLine.Command;

/** {@code infolens run cifar10-cnn}. */
@Command(name = CnnExperiment.NAME, mixinStandardHelpOptions = true,
        description = "Train a small CNN (two conv-pool blocks, dense 256) on CIFAR-10 (binary version), recording every layer"
                + " flattened on held-out test images. Default measures: binning adaptive 30, kde upper and dse maxN=1000 on a"
                + " random projection to 1024 columns (maxWidth=1024).")
public final class Cifar10CnnCommand extends ImageCommand {

    public Cifar10CnnCommand() {
        super(KnownDataset.CIFAR10, CnnExperiment.DEFAULT_PROBE, CnnExperiment.DEFAULT_MEASURES, CnnExperiment::run);
    }
}
