package org.infolens.experiments.mlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.dl4j.EpochSchedule;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.dl4j.ProbeSet;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.RandomRows;
import org.infolens.experiments.Classification;
import org.infolens.experiments.InstrumentedTraining;
import org.infolens.experiments.data.ImageDataset;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.experiments.data.ShufflingDataSetIterator;
import org.infolens.measure.Measure;
import org.infolens.pipeline.PipelineSummary;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code mnist-mlp} and {@code fashion-mlp}: Saxe et al.'s 784-1024-20-20-20-10 trained on MNIST or
 * Fashion-MNIST with the information-plane listener, on Saxe et al.'s schedule (every epoch for the
 * first 20, then every 5th, 20th, 100th); the probe is held-out test images. Where only the
 * test file exists (the MNIST copy beside this project), training takes the front of the test set and
 * the probe its end, disjoint.
 */
public final class MlpExperiment {

    /**
     * The default measures, chosen for a 10,000-image probe: binning (adaptive 30 bins, Chelombiev et
     * al.; fixed width 0.5, Saxe et al.), the kernel upper bound (Kolchinsky and Tracey) and DSE on a
     * seeded 2,000-row subsample (exact LAPACK at 10,000 rows costs minutes per layer).
     */
    public static final List<String> DEFAULT_MEASURES = List.of("binning:edges=adaptive,bins=30", "binning:edges=fixed-width,binSize=0.5",
            "kde:bound=upper", "dse:maxN=2000");

    private MlpExperiment() {
    }

    /** What a finished run reports. */
    public record Result(Path runDirectory, double trainAccuracy, double probeAccuracy, double finalLoss, double trainingSeconds,
                         int trainRows, int probeRows, PipelineSummary measurement) {
    }

    public static List<Measure> defaultMeasures() {
        return EstimatorCatalog.fromSpecs(DEFAULT_MEASURES);
    }

    /** The training and probe images of a run, after --train-limit, --probe-size and --random-labels. */
    public record Data(ImageDataset train, ImageDataset probe, int[] trainingLabels, Path directory, String probeFrom) {
    }

    public static Data data(MlpOptions o) throws IOException {
        KnownDataset.Splits s = o.dataset().load(o.dataDirectory(), System::getenv, Path.of(System.getProperty("user.home")));
        ImageDataset train;
        ImageDataset probe;
        String probeFrom;
        if (s.train() != null) {
            probeFrom = "test set, first " + o.probeSize();
            probe = s.test().rows(0, Math.min(o.probeSize(), s.test().count()));
            train = s.train();
        } else { // the test set alone: train on its front, probe on its end
            if (o.probeSize() >= s.test().count()) {
                throw new IllegalArgumentException(s.directory() + " holds only the " + s.test().count() + "-image test set: --probe-size "
                        + o.probeSize() + " leaves nothing to train on");
            }
            probe = s.test().rows(s.test().count() - o.probeSize(), s.test().count());
            probeFrom = "test set, last " + o.probeSize() + " (no training file: training takes the rest)";
            train = s.test().rows(0, s.test().count() - o.probeSize());
        }
        if (o.trainLimit() > 0 && o.trainLimit() < train.count()) {
            train = train.rows(0, o.trainLimit());
        }
        int[] labels = train.labels().clone();
        if (o.randomLabels()) {
            RandomRows.shuffle(labels, new Random(o.seed() * 1_000_003L + 3)); // fixed for the run: nothing to generalise
        }
        return new Data(train, probe, labels, s.directory(), probeFrom);
    }

    public static Result run(MlpOptions o) throws IOException {
        return run(o, data(o));
    }

    /** Trains on data already read by {@link #data} (so that a bad file fails before a run directory exists). */
    public static Result run(MlpOptions o, Data d) {
        MultiLayerNetwork net = MlpNetwork.build(o);
        INDArray trainX = Nd4j.create(d.train().pixels(), new long[] {d.train().count(), d.train().width()}, 'c');
        INDArray trainY = Classification.oneHot(d.trainingLabels(), d.train().classes());
        INDArray probeX = Nd4j.create(d.probe().pixels(), new long[] {d.probe().count(), d.probe().width()}, 'c');
        long batchSeed = o.seed() * 1_000_003L + 2;
        InfoPlaneListener listener = InfoPlaneListener.builder()
                .probe(ProbeSet.of(probeX, d.probe().labels()))
                .measures(o.measures().isEmpty() ? defaultMeasures() : o.measures())
                .schedule(EpochSchedule.saxe())
                .recordBeforeTraining(true)
                .recordTraining(true)
                .outputDirectory(o.runDirectory())
                .keepActivations(o.keepActivations())
                .dataset(describe(o, d))
                .seed("minibatchOrder", batchSeed)
                .seed("randomLabels", o.seed() * 1_000_003L + 3)
                .settings(settings(o))
                .build();
        InstrumentedTraining.Fit fit = InstrumentedTraining.fit(net, new ShufflingDataSetIterator(trainX, trainY, o.batchSize(), batchSeed),
                o.epochs(), listener, o.dataset().id() + "-mlp " + o.activation(), o.quiet());
        double trainAccuracy = Classification.accuracy(net, trainX, d.trainingLabels());
        double probeAccuracy = Classification.accuracy(net, probeX, d.probe().labels());
        InstrumentedTraining.finish(listener, fit, trainAccuracy, probeAccuracy);
        return new Result(o.runDirectory(), trainAccuracy, probeAccuracy, fit.finalLoss(), fit.seconds(), d.train().count(), d.probe().count(),
                listener.summary());
    }

    private static Map<String, Object> describe(MlpOptions o, Data d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.dataset().id());
        m.put("directory", d.directory().toString());
        m.put("trainRows", d.train().count());
        m.put("probeRows", d.probe().count());
        m.put("probeFrom", d.probeFrom());
        m.put("randomLabels", o.randomLabels());
        return m;
    }

    private static Map<String, Object> settings(MlpOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", o.dataset() == KnownDataset.MNIST ? "mnist-mlp" : "fashion-mlp");
        m.put("network", "784-1024-20-20-20-10");
        m.put("activation", o.activation());
        m.put("optimizer", o.optimizer());
        m.put("learningRate", o.learningRate());
        m.put("l2", o.l2());
        m.put("epochs", o.epochs());
        m.put("batchSize", o.batchSize());
        m.put("trainLimit", o.trainLimit());
        m.put("probeSize", o.probeSize());
        m.put("weightInit", "Xavier");
        return m;
    }
}
