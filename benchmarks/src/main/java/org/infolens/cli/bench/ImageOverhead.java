package org.infolens.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.dl4j.EpochSchedule;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.dl4j.ProbeSet;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.HiddenActivation;
import org.infolens.experiments.ImageOptions;
import org.infolens.experiments.TrainAndProbe;
import org.infolens.experiments.TrainingVariant;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.experiments.data.ShufflingDataSetIterator;
import org.infolens.experiments.mlp.MlpExperiment;
import org.infolens.experiments.mlp.MlpNetwork;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Overhead of the listener on fashion-mlp, every epoch recorded: the same training (seed, minibatch
 * order) without a listener, with capture + binning, and with the default measure set, in one
 * process, rounds alternating the order. Wall time includes closing the listener (the last epoch's
 * estimates). Then the cost of each measure per recorded epoch, from the records' own timings.
 */
final class ImageOverhead {

    private final PrintWriter out;
    private final int epochs;
    private final int rounds;
    private final TrainAndProbe data;
    private final INDArray trainX; // made once for every timed run
    private final INDArray trainY;
    private final INDArray probeX;
    private final ImageOptions options;
    private final boolean comparePrefetch;
    private final List<String> extra;

    ImageOverhead(PrintWriter out, Path dataDirectory, String activation, int epochs, int rounds, int trainLimit, int probeSize, long seed,
                  boolean comparePrefetch, List<String> extra) throws IOException {
        this.out = out;
        this.comparePrefetch = comparePrefetch;
        this.extra = List.copyOf(extra);
        this.epochs = epochs;
        this.rounds = rounds;
        TrainingVariant v = new TrainingVariant(HiddenActivation.parse(activation), 0, 0, false, seed);
        this.options = new ImageOptions(KnownDataset.FASHION_MNIST, dataDirectory, v, "adam", 1e-3, epochs, 128, trainLimit, probeSize,
                List.of(), null, null, true);
        this.data = TrainAndProbe.load(KnownDataset.FASHION_MNIST, dataDirectory, trainLimit, probeSize, v);
        this.trainX = data.trainFeatures();
        this.trainY = data.trainTargets();
        this.probeX = data.probeFeatures();
    }

    /** One configuration: no listener (measures null), or these measure specs every epoch; batches prefetched or not. */
    private record Config(String name, List<String> measures, boolean prefetch) {
    }

    private record Timed(double seconds, double captureSeconds, Path run) {
    }

    void run() throws IOException {
        List<Config> configs = List.of(new Config("without listener", null, true),
                new Config("capture + binning", List.of("binning:edges=adaptive,bins=30", "binning:edges=fixed-width,binSize=0.5"), true),
                new Config("default measures", MlpExperiment.DEFAULT_MEASURES, true));
        configs = new ArrayList<>(configs);
        List<String> withExtra = new ArrayList<>(MlpExperiment.DEFAULT_MEASURES);
        withExtra.addAll(extra);
        if (!extra.isEmpty()) {
            configs.add(new Config("default + extra", withExtra, true));
        }
        if (comparePrefetch) {
            configs.add(new Config("no listener, no prefetch", null, false));
        }
        // the cost table is the last run of the widest set
        String tabled = extra.isEmpty() ? "default measures" : "default + extra";
        Path tmp = Files.createTempDirectory("infolens-overhead-");
        out.printf(Locale.ROOT, "fashion-mlp %s: %d training images, probe %d, %d epochs per run, every epoch recorded (plus epoch 0),"
                + " OMP_NUM_THREADS=%s%n", options.variant().activation().id(), data.train().count(), data.probe().count(), epochs,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        for (Config c : configs) { // JIT, native libraries, workspaces, and the listener's first-use costs (Jackson, provenance)
            time(c, tmp.resolve("warmup-" + configs.indexOf(c)), 1);
        }
        Map<String, double[]> seconds = new LinkedHashMap<>();
        configs.forEach(c -> seconds.put(c.name(), new double[rounds]));
        Path lastFull = null;
        for (int r = 0; r < rounds; r++) {
            List<Config> order = new ArrayList<>(configs);
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Config c : order) {
                Timed t = time(c, tmp.resolve("r" + r + "-" + c.name().replace(' ', '-').replace("+", "and")), epochs);
                seconds.get(c.name())[r] = t.seconds();
                if (c.name().equals(tabled)) {
                    lastFull = t.run();
                }
                out.printf(Locale.ROOT, "round %d  %-26s %7.1f s%s%n", r + 1, c.name(), t.seconds(),
                        c.measures() == null ? "" : String.format(Locale.ROOT, "  (training thread in the listener %.1f s)", t.captureSeconds()));
            }
        }
        double base = median(seconds.get("without listener"));
        out.printf(Locale.ROOT, "%nmedian wall time over %d rounds, and overhead against training without the listener:%n", rounds);
        for (Config c : configs) {
            double m = median(seconds.get(c.name()));
            out.printf(Locale.ROOT, "  %-26s %7.1f s  %+6.1f%%%n", c.name(), m, 100 * (m / base - 1));
        }
        costTable(lastFull, base / epochs, tabled);
    }

    /**
     * Seconds per recorded epoch of each measure (summed over layers), against one epoch of training;
     * beside it the first recorded epoch alone and the mean of the later ones, which differ for the
     * measures that warm-start from the previous recorded epoch (neural critics, effective features).
     */
    private void costTable(Path run, double epochSeconds, String set) throws IOException {
        List<TrajectoryRecord> records = TrajectoryReader.read(run.resolve("trajectory.jsonl")).records();
        int first = records.stream().mapToInt(TrajectoryRecord::epoch).min().orElse(0);
        long recorded = records.stream().map(TrajectoryRecord::epoch).distinct().count();
        Map<String, Double> perLabel = new LinkedHashMap<>();
        Map<String, Double> atFirst = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (TrajectoryRecord r : records) {
            perLabel.merge(r.label(), r.seconds(), Double::sum);
            atFirst.merge(r.label(), r.epoch() == first ? r.seconds() : 0, Double::sum);
            rows.put(r.label(), r.n());
        }
        out.printf(Locale.ROOT, "%nper-measure cost (%s, all %d layers, per recorded epoch; one training epoch = %.1f s):%n", set,
                records.stream().map(x -> x.layer().index()).distinct().count(), epochSeconds);
        out.printf(Locale.ROOT, "  %-44s %7s %9s %9s %9s %9s%n", "measure", "rows", "s/epoch", "of epoch", "first s", "later s");
        double total = 0;
        for (Map.Entry<String, Double> e : perLabel.entrySet()) {
            double s = e.getValue() / recorded;
            total += s;
            double later = recorded > 1 ? (e.getValue() - atFirst.get(e.getKey())) / (recorded - 1) : Double.NaN;
            out.printf(Locale.ROOT, "  %-44s %7d %9.2f %8.1f%% %9.2f %9.2f%n", e.getKey(), rows.get(e.getKey()), s, 100 * s / epochSeconds,
                    atFirst.get(e.getKey()), later);
        }
        out.printf(Locale.ROOT, "  %-44s %7s %9.2f %8.1f%%%n", "all (on the worker thread)", "", total, 100 * total / epochSeconds);
    }

    private Timed time(Config c, Path dir, int runEpochs) {
        MultiLayerNetwork net = MlpNetwork.build(options);
        ShufflingDataSetIterator it = new ShufflingDataSetIterator(trainX, trainY, options.batchSize(),
                options.variant().derivedSeed(TrainingVariant.MINIBATCH_ORDER), c.prefetch());
        InfoPlaneListener listener = null;
        if (c.measures() != null) {
            listener = InfoPlaneListener.builder()
                    .probe(ProbeSet.of(probeX, data.probe().labels()))
                    .measures(EstimatorCatalog.fromSpecs(c.measures()))
                    .schedule(EpochSchedule.everyEpoch())
                    .recordBeforeTraining(true)
                    .outputDirectory(dir)
                    .build();
            net.setListeners(listener);
        }
        long t0 = System.nanoTime();
        net.fit(it, runEpochs);
        if (listener != null) {
            listener.close();
        }
        return new Timed((System.nanoTime() - t0) / 1e9, listener == null ? 0 : listener.session().captureSeconds(), dir);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
