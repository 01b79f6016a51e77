package org.infolens.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.experiments.data.ImageDataset;
import org.infolens.experiments.data.KnownDataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training and probe images of an image experiment, after --train-limit, --probe-size and
 * --random-labels. The probe is held-out test images; where a dataset directory holds only the test
 * set (the MNIST copy beside this project), training takes its front and the probe its end, disjoint.
 *
 * @param trainingLabels the labels training sees (a permutation of the true ones with --random-labels)
 * @param probeFrom      which test images the probe is, in words
 */
public record TrainAndProbe(ImageDataset train, ImageDataset probe, int[] trainingLabels, Path directory, String probeFrom) {

    /** Reads {@code dataset} (see {@link KnownDataset#locate}) and splits it. */
    public static TrainAndProbe load(KnownDataset dataset, Path dataDirectory, int trainLimit, int probeSize, TrainingVariant variant)
            throws IOException {
        KnownDataset.Splits s = dataset.load(dataDirectory, System::getenv, Path.of(System.getProperty("user.home")));
        ImageDataset train;
        ImageDataset probe;
        String probeFrom;
        if (s.train() != null) {
            probeFrom = "test set, first " + probeSize;
            probe = s.test().rows(0, Math.min(probeSize, s.test().count()));
            train = s.train();
        } else { // the test set alone: train on its front, probe on its end
            if (probeSize >= s.test().count()) {
                throw new IllegalArgumentException(s.directory() + " holds only the " + s.test().count() + "-image test set: --probe-size "
                        + probeSize + " leaves nothing to train on");
            }
            probe = s.test().rows(s.test().count() - probeSize, s.test().count());
            probeFrom = "test set, last " + probeSize + " (no training file: training takes the rest)";
            train = s.test().rows(0, s.test().count() - probeSize);
        }
        if (trainLimit > 0 && trainLimit < train.count()) {
            train = train.rows(0, trainLimit);
        }
        return new TrainAndProbe(train, probe, variant.trainingLabels(train.labels()), s.directory(), probeFrom);
    }

    /** The same images with the training labels of {@code v} (its seed decides a random permutation). */
    public TrainAndProbe forVariant(TrainingVariant v) {
        return new TrainAndProbe(train, probe, v.trainingLabels(train.labels()), directory, probeFrom);
    }

    /** The training images as flat pixel rows, for DL4J. */
    public INDArray trainFeatures() {
        return Nd4j.create(train.pixels(), new long[] {train.count(), train.width()}, 'c');
    }

    /** The training labels (permuted with --random-labels) one-hot. */
    public INDArray trainTargets() {
        return Classification.oneHot(trainingLabels, train.classes());
    }

    /** The probe images as flat pixel rows. */
    public INDArray probeFeatures() {
        return Nd4j.create(probe.pixels(), new long[] {probe.count(), probe.width()}, 'c');
    }

    /** For run.json's dataset section. */
    public Map<String, Object> describe(KnownDataset dataset, boolean randomLabels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", dataset.id());
        m.put("directory", directory.toString());
        m.put("trainRows", train.count());
        m.put("probeRows", probe.count());
        m.put("probeFrom", probeFrom);
        m.put("randomLabels", randomLabels);
        return m;
    }
}
