package org.infolens.experiments;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.dl4j.ProbeSet;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.experiments.data.ShufflingDataSetIterator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains an image classifier (the MLP or the CNN) with the listener: flat pixel rows in, minibatches
 * prefetched in a seeded order, the held-out probe recorded, accuracies and loss written at the end.
 */
public final class ImageClassifierRun {

    private ImageClassifierRun() {
    }

    /**
     * @param listener configured with everything but the probe, dataset description and the seeds this
     *                 method draws (it adds those and builds it)
     */
    public static RunOutcome run(MultiLayerNetwork net, KnownDataset dataset, TrainAndProbe d, TrainingVariant v, InfoPlaneListener.Builder listener,
                                 int epochs, int batchSize, String task, boolean quiet, RunRecovery recovery) {
        INDArray trainX = d.trainFeatures();
        INDArray trainY = d.trainTargets();
        INDArray probeX = d.probeFeatures();
        long batchSeed = v.derivedSeed(TrainingVariant.MINIBATCH_ORDER);
        InfoPlaneListener l = listener
                .probe(ProbeSet.of(probeX, d.probe().labels()))
                .dataset(d.describe(dataset, v.randomLabels()))
                .seed("minibatchOrder", batchSeed)
                .seed("randomLabels", v.derivedSeed(TrainingVariant.LABEL_PERMUTATION))
                .checkpoints(recovery.checkpoints())
                .build();
        InstrumentedTraining.Fit fit = InstrumentedTraining.fit(net, new ShufflingDataSetIterator(trainX, trainY, batchSize, batchSeed, true),
                epochs, l, task, quiet, recovery.resume());
        double trainAccuracy = Classification.accuracy(fit.net(), trainX, d.trainingLabels());
        double probeAccuracy = Classification.accuracy(fit.net(), probeX, d.probe().labels());
        return InstrumentedTraining.finish(l, fit, d.train().count(), d.probe().count(), trainAccuracy, probeAccuracy, quiet);
    }
}
