package org.infolens.experiments;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.session.RunSession;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** The part every bundled experiment shares: train with the listener and a progress bar, then record the outcome and close. */
public final class InstrumentedTraining {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InstrumentedTraining.class);

    private InstrumentedTraining() {
    }

    /** Wall time of {@code fit}, the last epoch's mean loss and the trained network (restored from the checkpoint when resumed). */
    public record Fit(double seconds, double finalLoss, MultiLayerNetwork net) {
    }

    /**
     * Trains {@code epochs} epochs with {@code listener} and a progress bar titled {@code task}; with
     * {@code resume}, continues the run in the listener's directory from its checkpoint instead: the
     * restored network trains the epochs after the checkpoint's, the data iterator first reset once per
     * epoch done (a seeded shuffling iterator then gives the batches the uninterrupted run would).
     */
    public static Fit fit(MultiLayerNetwork net, DataSetIterator data, int epochs, InfoPlaneListener listener, String task, boolean quiet,
                          boolean resume) {
        RunSession run = listener.session();
        if (resume) {
            org.infolens.dl4j.Checkpoint c;
            try {
                c = listener.resume(run.runDirectory().root());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
            if (!(c.network() instanceof MultiLayerNetwork restored)) {
                throw new IllegalArgumentException(org.infolens.dl4j.Checkpoint.directory(run.runDirectory().root()) + " holds a "
                        + c.network().getClass().getSimpleName() + ", not the MultiLayerNetwork this experiment trains");
            }
            if (c.epoch() > epochs) {
                throw new IllegalArgumentException("cannot resume " + run.runDirectory().root() + ": its checkpoint is at epoch " + c.epoch()
                        + ", beyond --epochs " + epochs);
            }
            for (int i = 0; i < c.epoch(); i++) {
                data.reset();
            }
            log.info("resuming run '{}' from the checkpoint at epoch {}: {} epochs to train", run.name(), c.epoch(), epochs - c.epoch());
            net = restored;
            epochs -= c.epoch();
        }
        if (epochs == 0) {
            return new Fit(0, Double.NaN, net);
        }
        if (run.keepsActivations()) { // epoch 0 first, so the disk the dumps will take is known before training
            listener.recordInitialState(net);
            long perEpoch = run.dumpBytesPerEpoch();
            int recorded = listener.recordedEpochs(epochs);
            log.info(String.format(java.util.Locale.ROOT, "activation dumps: %.1f MB per recorded epoch x %d epochs = %.2f GB under %s",
                    perEpoch / 1e6, recorded, perEpoch * (double) recorded / 1e9, run.runDirectory().activationsDirectory()));
        }
        try (TrainingProgress progress = new TrainingProgress(task, epochs, quiet)) {
            net.setListeners(listener, progress);
            long t0 = System.nanoTime();
            net.fit(data, epochs);
            return new Fit((System.nanoTime() - t0) / 1e9, progress.lastEpochLoss(), net);
        }
    }

    /** Writes the run's outcome into its provenance and closes the listener (waiting for queued estimates). */
    public static RunOutcome finish(InfoPlaneListener listener, Fit fit, int trainRows, int probeRows, double trainAccuracy,
                                    double testAccuracy, boolean quiet) {
        RunSession run = listener.session();
        run.putResult("trainAccuracy", trainAccuracy);
        run.putResult("testAccuracy", testAccuracy);
        run.putResult("finalLoss", fit.finalLoss());
        run.putResult("trainingSeconds", fit.seconds());
        try (EstimationProgress progress = new EstimationProgress("estimating", run::summary, quiet)) {
            listener.close();
        }
        if (run.failure() != null) { // run.json says failed; the command must not exit 0
            throw new java.io.UncheckedIOException(run.failure(), new java.io.IOException(run.failure()));
        }
        return new RunOutcome(run.runDirectory().root(), trainRows, probeRows, trainAccuracy, testAccuracy, fit.finalLoss(), fit.seconds(),
                run.summary());
    }
}
