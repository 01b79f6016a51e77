package org.infolens.experiments;

import java.nio.file.Path;
import org.infolens.pipeline.PipelineSummary;

/**
 * What a finished bundled-experiment run reports.
 *
 * @param testAccuracy accuracy on held-out data (the probe, for the image experiments)
 */
public record RunOutcome(Path runDirectory, int trainRows, int probeRows, double trainAccuracy, double testAccuracy, double finalLoss,
                         double trainingSeconds, PipelineSummary measurement) {
}
