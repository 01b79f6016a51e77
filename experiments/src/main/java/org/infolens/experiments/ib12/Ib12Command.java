package org.infolens.experiments.ib12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainingCommand;
import org.infolens.experiments.TrainingVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code infolens run ib12}: the 12-bit task of Shwartz-Ziv and Tishby. */
@Command(name = Ib12Experiment.NAME, mixinStandardHelpOptions = true,
        description = "Train 12-10-7-5-4-3-2 on the 12-bit task, recording every layer on all 4096 patterns at log-spaced"
                + " epochs; writes runs/<name>/{run.json, trajectory.jsonl, figures/information-plane.png}.")
public final class Ib12Command extends TrainingCommand {

    @Option(names = "--epochs", defaultValue = "" + Ib12Defaults.EPOCHS, description = "training epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "" + Ib12Defaults.BATCH, description = "minibatch size (default ${DEFAULT-VALUE}, as the original work)")
    int batch;

    @Option(names = "--lr", defaultValue = "" + Ib12Defaults.LEARNING_RATE, description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--split", defaultValue = "shuffled", description = "80/20 split: shuffled, or ordered as the original code (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--train-fraction", defaultValue = "0.8", description = "share of patterns for training (default ${DEFAULT-VALUE})")
    double trainFraction;

    @Option(names = "--task", description = "the authors' task file (var_u.csv, or var_u_F.npy with var_u_y.npy beside it) instead of the generated task")
    Path taskFile;

    @Option(names = "--measure", paramLabel = "SPEC", description = "a measure to record, repeatable: name or name:param=value,..."
            + " (default: binning fixed-range 30 for tanh and softsign, global-minmax 100 for relu, softplus and elu, plus adaptive 30)")
    List<String> measures = new ArrayList<>();

    @Option(names = "--points", defaultValue = "400", description = "points of the log-spaced epoch grid (default ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--gradient-snr", description = "also record each layer's gradient signal-to-noise ratio per recorded epoch (gradient-snr)")
    boolean gradientSnr;

    @Option(names = "--quantize", paramLabel = "BITS", defaultValue = "0", description = "round the hidden tanh outputs to 2^BITS levels"
            + " in training and recording (quantization-aware, as Lorenzen et al. 2022); 0 = off (default ${DEFAULT-VALUE})")
    int quantizeBits;

    private Ib12Options options;

    @Override
    protected void prepare(TrainingVariant variant) {
        if (!split.equals("shuffled") && !split.equals("ordered")) {
            throw new IllegalArgumentException("--split must be shuffled or ordered, got '" + split + "'");
        }
        if (taskFile != null && !Files.isRegularFile(taskFile)) {
            throw new IllegalArgumentException(taskFile + ": no such task file");
        }
        options = new Ib12Options(variant, epochs, batch, learningRate, split.equals("shuffled"), trainFraction, taskFile,
                EstimatorCatalog.fromSpecs(measures), points, null, dumps(), quiet(), null, recovery(), gradientSnr, quantizeBits);
    }

    @Override
    protected RunOutcome train(TrainingVariant variant, Path directory, Map<String, Object> launch) throws IOException {
        return Ib12Experiment.run(options.with(variant, directory, launch));
    }
}
