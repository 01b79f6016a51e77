package org.infolens.experiments.ib12;

import org.infolens.io.ActivationDumps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infolens.experiments.TrainingVariant;
import org.infolens.measure.Measure;

/**
 * Settings of one 12-bit run.
 *
 * @param variant         hidden activation, L2, random labels, seed (weights, split, minibatch order)
 * @param epochs          training epochs
 * @param batchSize       minibatch size (512 in the original work, 256 in Saxe et al.)
 * @param learningRate    Adam learning rate
 * @param shuffleSplit    shuffle before the 80/20 split (the original code did not, which biases it)
 * @param trainFraction   share of the 4096 patterns used for training
 * @param taskFile        the authors' file to read instead of generating the task, or null
 * @param measures        the measures to record (empty = the defaults for the activation)
 * @param schedulePoints  points of the log-spaced epoch grid
 * @param runDirectory    where the run is written
 * @param dumps           which activations to keep as .npy per recorded epoch (null = none)
 * @param quiet           no progress bar
 * @param launch          how the run was launched, for run.json (see {@link org.infolens.experiments.TrainingCommand}), or null
 * @param recovery        checkpoints at recorded epochs, and whether to resume the run in {@code runDirectory} from its checkpoint
 * @param gradientSnr     also record each layer's gradient signal-to-noise ratio (Shwartz-Ziv and Tishby's drift and diffusion)
 * @param quantizeBits    hidden tanh outputs rounded to 2^bits levels (Lorenzen et al.'s quantized network), or 0
 */
public record Ib12Options(TrainingVariant variant, int epochs, int batchSize, double learningRate,
                          boolean shuffleSplit, double trainFraction, Path taskFile, List<Measure> measures,
                          int schedulePoints, Path runDirectory, ActivationDumps dumps, boolean quiet, Map<String, Object> launch,
                          org.infolens.experiments.RunRecovery recovery, boolean gradientSnr, int quantizeBits) {

    /** Options of a run launched from Java code, not through an {@link Ib12Command}. */
    public Ib12Options(TrainingVariant variant, int epochs, int batchSize, double learningRate, boolean shuffleSplit, double trainFraction,
                       Path taskFile, List<Measure> measures, int schedulePoints, Path runDirectory, ActivationDumps dumps, boolean quiet) {
        this(variant, epochs, batchSize, learningRate, shuffleSplit, trainFraction, taskFile, measures, schedulePoints, runDirectory, dumps,
                quiet, null, org.infolens.experiments.RunRecovery.NONE, false, 0);
    }

    public Ib12Options {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("--lr must be > 0, got " + learningRate);
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("--train-fraction must be in (0, 1), got " + trainFraction);
        }
        if (schedulePoints < 2) {
            throw new IllegalArgumentException("--points must be >= 2, got " + schedulePoints);
        }
        if (quantizeBits != 0 && variant.activation() != org.infolens.experiments.HiddenActivation.TANH) {
            throw new IllegalArgumentException("--quantize applies to tanh networks, got --activation " + variant.activation().id());
        }
        measures = List.copyOf(measures);
        java.util.Objects.requireNonNull(recovery, "recovery");
    }

    /** The same settings, written to {@code directory}. */
    public Ib12Options withRunDirectory(Path directory) {
        return with(variant, directory, launch);
    }

    /** The same settings for another variant (seed), written to {@code directory}, launched as {@code launchRecord} says. */
    public Ib12Options with(TrainingVariant v, Path directory, Map<String, Object> launchRecord) {
        return new Ib12Options(v, epochs, batchSize, learningRate, shuffleSplit, trainFraction, taskFile, measures,
                schedulePoints, directory, dumps, quiet, launchRecord, recovery, gradientSnr, quantizeBits);
    }
}
