package org.infolens.experiments;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * A terminal progress bar for training: epochs done, ETA, and the mean minibatch loss of the last
 * epoch. Silent in quiet mode, where only the mean loss is kept.
 */
public final class TrainingProgress extends BaseTrainingListener implements AutoCloseable {

    private final ProgressBar bar; // null when quiet
    private double lossSum;
    private int lossCount;
    private double lastEpochLoss = Double.NaN;

    public TrainingProgress(String task, int epochs, boolean quiet) {
        this.bar = quiet ? null : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(epochs)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setUnit(" epochs", 1)
                .showSpeed()
                .build();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        lossSum += model.score();
        lossCount++;
    }

    @Override
    public void onEpochEnd(Model model) {
        lastEpochLoss = lossCount == 0 ? Double.NaN : lossSum / lossCount;
        lossSum = 0;
        lossCount = 0;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format(java.util.Locale.ROOT, " loss %.4f", lastEpochLoss));
        }
    }

    /** Mean minibatch loss of the last finished epoch. */
    public double lastEpochLoss() {
        return lastEpochLoss;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
