package org.infolens.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
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
import org.infolens.experiments.mlp.MlpNetwork;
import org.infolens.pipeline.PipelineSummary;
import org.infolens.pipeline.WhenFull;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The listener's memory under a measure slower than training: Fashion-MNIST MLP epochs of a few
 * seconds against the exact kernel bound on a 10,000-row probe, every epoch recorded, queue of 2,
 * once with each back-pressure policy. Samples the JVM heap in use (after each epoch's collection)
 * and checks that every recorded epoch was either measured or recorded as skipped.
 */
@Command(name = "backpressure", mixinStandardHelpOptions = true,
        description = "Heap and queue of the listener when its measures are slower than training (fashion-mlp), WAIT and SKIP.")
final class BackPressureBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "the Fashion-MNIST directory (default: the usual places)")
    Path data;

    @Option(names = "--epochs", defaultValue = "12", description = "training epochs, each recorded (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--train-limit", defaultValue = "2000", description = "training images: short epochs (default ${DEFAULT-VALUE})")
    int trainLimit;

    @Option(names = "--probe-size", defaultValue = "10000", description = "probe images (default ${DEFAULT-VALUE})")
    int probeSize;

    @Option(names = "--measure", defaultValue = "kde:bound=upper", description = "the slow measure (default ${DEFAULT-VALUE})")
    String measure;

    @Override
    public Integer call() throws Exception {
        TrainingVariant v = new TrainingVariant(HiddenActivation.TANH, 0, 0, false, 1);
        ImageOptions o = new ImageOptions(KnownDataset.FASHION_MNIST, data, v, "adam", 1e-3, epochs, 128, trainLimit, probeSize, List.of(),
                null, null, true);
        TrainAndProbe d = TrainAndProbe.load(KnownDataset.FASHION_MNIST, data, trainLimit, probeSize, v);
        INDArray trainX = d.trainFeatures();
        INDArray trainY = d.trainTargets();
        INDArray probeX = d.probeFeatures();
        Path tmp = Files.createTempDirectory("infolens-backpressure-");
        for (WhenFull policy : WhenFull.values()) {
            MultiLayerNetwork net = MlpNetwork.build(o);
            InfoPlaneListener listener = InfoPlaneListener.builder()
                    .probe(ProbeSet.of(probeX, d.probe().labels()))
                    .measure(EstimatorCatalog.fromSpec(measure))
                    .schedule(EpochSchedule.everyEpoch())
                    .recordBeforeTraining(true)
                    .queueCapacity(2)
                    .whenFull(policy)
                    .outputDirectory(tmp.resolve(policy.toString().toLowerCase(Locale.ROOT)))
                    .build();
            HeapSampler heap = new HeapSampler();
            net.setListeners(listener, heap);
            long t0 = System.nanoTime();
            net.fit(new ShufflingDataSetIterator(trainX, trainY, 128, 7, true), epochs);
            double trained = (System.nanoTime() - t0) / 1e9;
            listener.close();
            double all = (System.nanoTime() - t0) / 1e9;
            PipelineSummary s = listener.session().summary();
            long snapshotBytes = 4L * d.probe().count() * MlpNetwork.WIDTHS.stream().skip(1).mapToInt(Integer::intValue).sum();
            out().printf(Locale.ROOT, "%n%s: %d epochs trained in %.1f s (%.1f s with the last estimates); training thread in the listener %.1f s%n",
                    policy, epochs, trained, all, listener.session().captureSeconds());
            out().printf(Locale.ROOT, "  recorded %d epochs: %d measured + %d skipped = %d (%s); records %d ok, %d skipped; at most %d queued%n",
                    s.submitted(), s.measured(), s.skipped(), s.measured() + s.skipped(),
                    s.measured() + s.skipped() == s.submitted() ? "none lost" : "LOST " + (s.submitted() - s.measured() - s.skipped()),
                    s.okRecords(), s.skippedRecords(), s.maxQueued());
            out().printf(Locale.ROOT, "  heap in use after each epoch (MB): %s%n", heap.perEpoch());
            long weightBytes = 4L * net.params().length();
            out().printf(Locale.ROOT, "  bound: 2 queued weight copies (%.1f MB each) + 1 snapshot in work (%.1f MB) = %.1f MB above"
                    + " the training's own%n", weightBytes / 1e6, snapshotBytes / 1e6, (2 * weightBytes + snapshotBytes) / 1e6);
        }
        return 0;
    }

    /** Heap in use at each epoch end, after a collection, so that growth shows and garbage does not. */
    static final class HeapSampler extends org.deeplearning4j.optimize.api.BaseTrainingListener {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final StringBuilder samples = new StringBuilder();
        private final AtomicLong count = new AtomicLong();

        @Override
        public void onEpochEnd(org.deeplearning4j.nn.api.Model model) {
            System.gc();
            samples.append(count.getAndIncrement() == 0 ? "" : " ").append(memory.getHeapMemoryUsage().getUsed() / 1_000_000);
        }

        String perEpoch() {
            return samples.toString();
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
