package org.infolens.experiments.mlp;

import org.infolens.experiments.ImageOptions;
import java.io.IOException;
import java.util.List;
import org.infolens.dl4j.EpochSchedule;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.ImageClassifierRun;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainAndProbe;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.figure.RunFigures;
import org.infolens.measure.Measure;

/**
 * {@code mnist-mlp} and {@code fashion-mlp}: Saxe et al.'s 784-1024-20-20-20-10 trained on MNIST or
 * Fashion-MNIST with the information-plane listener, on Saxe et al.'s schedule (every epoch for the
 * first 20, then every 5th, 20th, 100th); the probe is held-out test images. Where only the
 * test file exists (the MNIST copy beside this project), training takes the front of the test set and
 * the probe its end, disjoint.
 */
public final class MlpExperiment {

    /** The experiments' names: the MLP on MNIST and on Fashion-MNIST. */
    public static final String MNIST_NAME = "mnist-mlp";
    public static final String FASHION_NAME = "fashion-mlp";

    /** Default probe: 10,000 held-out images. */
    public static final int DEFAULT_PROBE = 10_000;

    /**
     * The default measures, chosen so that recording every epoch of fashion-mlp (10,000-image probe)
     * costs at most 15 % of its training time on 2 cores ({@code bench overhead fashion-mlp}): binning
     * on every probe row (adaptive 30 bins, Chelombiev et al.; fixed width 0.5, Saxe et al.), the kernel
     * upper bound (Kolchinsky and Tracey, O(N^2 d)) on a fixed subset of 2,000 rows, and DSE on 500
     * (its LAPACK eigenvalues are O(N^3): 1,000 rows cost 0.9 s per recorded epoch, a tenth of a
     * training epoch, and that alone pushed the overhead past 15 %).
     */
    public static final List<String> DEFAULT_MEASURES = List.of("binning:edges=adaptive,bins=30", "binning:edges=fixed-width,binSize=0.5",
            "kde:bound=upper,probeRows=2000", "dse:maxN=500");

    private MlpExperiment() {
    }

    public static List<Measure> defaultMeasures() {
        return EstimatorCatalog.fromSpecs(DEFAULT_MEASURES);
    }

    /** The experiment's name on {@code dataset}. */
    public static String name(KnownDataset dataset) {
        return dataset == KnownDataset.MNIST ? MNIST_NAME : FASHION_NAME;
    }

    /** The training and probe images of a run (checked before a run directory is made). */
    public static TrainAndProbe data(ImageOptions o) throws IOException {
        return TrainAndProbe.load(o.dataset(), o.dataDirectory(), o.trainLimit(), o.probeSize(), o.variant());
    }

    public static RunOutcome run(ImageOptions o) throws IOException {
        return run(o, data(o));
    }

    /** Trains on data already read by {@link #data} (so that a bad file fails before a run directory exists). */
    public static RunOutcome run(ImageOptions o, TrainAndProbe d) {
        InfoPlaneListener.Builder listener = InfoPlaneListener.builder()
                .measures(o.measures().isEmpty() ? defaultMeasures() : o.measures())
                .schedule(EpochSchedule.saxe())
                .recordBeforeTraining(true)
                .recordTraining(true)
                .outputDirectory(o.runDirectory())
                .activationDumps(o.dumps())
                .settings(o.settings(name(o.dataset()), "784-1024-20-20-20-10"))
                .launch(o.launch())
                .onClose(RunFigures::draw);
        return ImageClassifierRun.run(MlpNetwork.build(o), o.dataset(), d, o.variant(), listener, o.epochs(), o.batchSize(),
                name(o.dataset()) + " " + o.variant().name(), o.quiet(), o.recovery());
    }
}
