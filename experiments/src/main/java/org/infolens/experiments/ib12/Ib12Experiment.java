package org.infolens.experiments.ib12;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.dl4j.EpochSchedule;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.dl4j.ProbeSet;
import org.infolens.estimate.binning.AdaptiveDiscretizer;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.estimate.binning.GlobalMinMaxDiscretizer;
import org.infolens.estimate.parameters.GradientSignalToNoise;
import org.infolens.experiments.Classification;
import org.infolens.experiments.HiddenActivation;
import org.infolens.experiments.InstrumentedTraining;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainingVariant;
import org.infolens.experiments.data.ShufflingDataSetIterator;
import org.infolens.figure.RunFigures;
import org.infolens.measure.Measure;
import org.infolens.numeric.RandomRows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the 12-bit network with the information-plane listener: probe = all 4096 patterns, epochs on
 * the log-spaced grid of the original code (plus the state before training), binning measures as the
 * papers used them: fixed-range 30 for tanh (Shwartz-Ziv and Tishby; also softsign, bounded the same
 * way), global min-max 100 for ReLU (Saxe et al.; also softplus and ELU, unbounded), and adaptive EBAB
 * (Chelombiev et al.) for all.
 */
public final class Ib12Experiment {

    /** The experiment's name. */
    public static final String NAME = "ib12";

    private Ib12Experiment() {
    }

    /** The published measures for this activation; the first is the one drawn as information-plane.png. */
    public static List<Measure> defaultMeasures(HiddenActivation activation) {
        Measure adaptive = new BinnedInformation(AdaptiveDiscretizer.builder().bins(30).build());
        Measure primary = activation.bounded()
                ? new BinnedInformation(FixedRangeDiscretizer.builder().bins(30).build())
                : new BinnedInformation(GlobalMinMaxDiscretizer.builder().bins(100).build());
        return List.of(primary, adaptive);
    }

    /** The data, network and probe of one run, before training. */
    private record Setup(TwelveBitTask task, INDArray trainX, INDArray trainY, INDArray testX, INDArray testY,
                         MultiLayerNetwork net, ShufflingDataSetIterator train, long splitSeed, long batchSeed) {
    }

    private static Setup setup(Ib12Options o) throws IOException {
        TwelveBitTask task = o.taskFile() == null ? TwelveBitTask.generate() : TwelveBitTask.read(o.taskFile());
        int n = task.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        TrainingVariant v = o.variant();
        long splitSeed = v.derivedSeed(TrainingVariant.SPLIT);
        if (o.shuffleSplit()) {
            Random rnd = new Random(splitSeed);
            RandomRows.shuffle(order, rnd);
        }
        int trainRows = (int) Math.round(o.trainFraction() * n);
        INDArray trainX = rows(task.features(), order, 0, trainRows);
        int[] labels = task.labels();
        INDArray trainY = oneHot(v.trainingLabels(select(labels, order, 0, trainRows)));
        long batchSeed = v.derivedSeed(TrainingVariant.MINIBATCH_ORDER);
        return new Setup(task, trainX, trainY, rows(task.features(), order, trainRows, n), oneHot(select(labels, order, trainRows, n)),
                Ib12Network.build(v, o.learningRate(), o.quantizeBits()),
                new ShufflingDataSetIterator(trainX, trainY, o.batchSize(), batchSeed, false), splitSeed, batchSeed);
    }

    private static InfoPlaneListener listener(Ib12Options o, Setup s) {
        TwelveBitTask task = s.task();
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", NAME);
        dataset.put("source", task.source());
        dataset.put("patterns", task.size());
        dataset.put("positiveRate", task.positiveRate());
        dataset.put("labelEntropyBits", task.labelEntropyBits());
        dataset.put("trainRows", s.trainX().size(0));
        dataset.put("testRows", s.testX().size(0));
        dataset.put("split", o.shuffleSplit() ? "shuffled" : "ordered (as the original code)");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("experiment", NAME);
        settings.put("network", "12-10-7-5-4-3-2");
        o.variant().describe(settings);
        settings.put("epochs", o.epochs());
        settings.put("batchSize", o.batchSize());
        settings.put("optimizer", "Adam");
        settings.put("learningRate", o.learningRate());
        settings.put("weightInit", "truncated normal, std 1/sqrt(fan_in)");
        if (o.quantizeBits() > 0) {
            settings.put("quantizedBits", o.quantizeBits());
        }
        InfoPlaneListener.Builder listener = InfoPlaneListener.builder();
        if (o.gradientSnr()) {
            listener.parameterMeasure(new GradientSignalToNoise());
        }
        return listener
                .probe(ProbeSet.of(Nd4j.create(task.features()), task.labels()))
                .measures(o.measures().isEmpty() ? defaultMeasures(o.variant().activation()) : o.measures())
                .schedule(EpochSchedule.logSpaced(o.epochs(), o.schedulePoints()))
                .recordBeforeTraining(true)
                .recordTraining(true)
                .outputDirectory(o.runDirectory())
                .activationDumps(o.dumps())
                .dataset(dataset)
                .seed("split", s.splitSeed())
                .seed("minibatchOrder", s.batchSeed())
                .seed("randomLabels", o.variant().derivedSeed(TrainingVariant.LABEL_PERMUTATION))
                .settings(settings)
                .launch(o.launch())
                .checkpoints(o.recovery().checkpoints())
                .onClose(RunFigures::draw)
                .build();
    }

    public static RunOutcome run(Ib12Options o) throws IOException {
        Setup s = setup(o);
        InfoPlaneListener listener = listener(o, s);
        InstrumentedTraining.Fit fit = InstrumentedTraining.fit(s.net(), s.train(), o.epochs(), listener, NAME + " " + o.variant().name(),
                o.quiet(), o.recovery().resume());
        double trainAccuracy = accuracy(fit.net(), s.trainX(), s.trainY());
        double testAccuracy = accuracy(fit.net(), s.testX(), s.testY());
        return InstrumentedTraining.finish(listener, fit, (int) s.trainX().size(0), s.task().size(), trainAccuracy, testAccuracy, o.quiet());
    }

    /** Wall time of a training run and, when instrumented, the training thread's time inside the listener. */
    public record Timing(double wallSeconds, double captureSeconds) {
    }

    /**
     * Wall time of training, with the listener (closing it included: the wait for queued estimates
     * counts) or without any. For the overhead benchmark: same seed, same work otherwise.
     */
    public static Timing timeTraining(Ib12Options o, boolean instrumented) throws IOException {
        Setup s = setup(o);
        InfoPlaneListener listener = instrumented ? listener(o, s) : null;
        if (listener != null) {
            s.net().setListeners(listener);
        }
        long t0 = System.nanoTime();
        s.net().fit(s.train(), o.epochs());
        if (listener != null) {
            listener.close();
        }
        return new Timing((System.nanoTime() - t0) / 1e9, listener == null ? 0 : listener.session().captureSeconds());
    }

    static double accuracy(MultiLayerNetwork net, INDArray x, INDArray y) {
        if (x.size(0) == 0) {
            return Double.NaN;
        }
        INDArray predicted = net.output(x, false).argMax(1);
        INDArray actual = y.argMax(1);
        return predicted.eq(actual).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).meanNumber().doubleValue();
    }

    private static INDArray rows(float[][] x, int[] order, int from, int to) {
        float[][] out = new float[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = x[order[i]];
        }
        return out.length == 0 ? Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, x[0].length) : Nd4j.create(out);
    }

    private static int[] select(int[] labels, int[] order, int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = labels[order[i]];
        }
        return out;
    }

    private static INDArray oneHot(int[] labels) {
        return labels.length == 0 ? Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, 2) : Classification.oneHot(labels, 2);
    }
}
