package org.infolens.experiments.cnn;

import java.util.List;
import org.infolens.dl4j.EpochSchedule;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.ImageClassifierRun;
import org.infolens.experiments.ImageOptions;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainAndProbe;
import org.infolens.figure.RunFigures;

/**
 * {@code cifar10-cnn}: {@link CnnNetwork} on CIFAR-10 with the information-plane listener, Saxe et
 * al.'s epoch schedule, a held-out probe of test images. Convolution and pooling outputs are recorded
 * flattened (channel first) for the information measures; the distance-based ones read layers wider
 * than 1,024 through a seeded random projection (recorded as maxWidth, projectedFrom); effective
 * features, when asked for, read one row per spatial position.
 */
public final class CnnExperiment {

    /** The experiment's name. */
    public static final String NAME = "cifar10-cnn";

    /** Default probe: 1,000 images (one snapshot of every layer is then 247 MB in float32). */
    public static final int DEFAULT_PROBE = 1000;

    /** Binning reads every column (O(N d)); kernel bounds and DSE read at most 1,024 projected ones. */
    public static final List<String> DEFAULT_MEASURES = List.of("binning:edges=adaptive,bins=30", "kde:bound=upper,maxWidth=1024",
            "dse:maxN=1000,maxWidth=1024");

    private CnnExperiment() {
    }

    public static RunOutcome run(ImageOptions o, TrainAndProbe d) {
        InfoPlaneListener.Builder listener = InfoPlaneListener.builder()
                .measures(o.measures().isEmpty() ? EstimatorCatalog.fromSpecs(DEFAULT_MEASURES) : o.measures())
                .schedule(EpochSchedule.saxe())
                .recordBeforeTraining(true)
                .queueCapacity(1) // snapshots of wide convolution layers are large: one waits while one is measured
                .outputDirectory(o.runDirectory())
                .activationDumps(o.dumps())
                .settings(o.settings(NAME, CnnNetwork.DESCRIPTION))
                .launch(o.launch())
                .onClose(RunFigures::draw);
        return ImageClassifierRun.run(CnnNetwork.build(o), o.dataset(), d, o.variant(), listener, o.epochs(), o.batchSize(),
                NAME + " " + o.variant().name(), o.quiet(), o.recovery());
    }
}
