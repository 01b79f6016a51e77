package org.infolens.experiments;

import java.nio.file.Path;
import java.util.List;

/**
 * What one launch of an experiment wrote.
 *
 * @param experiment  the experiment's name
 * @param runs        the instrumented runs, one per seed (none for an experiment without a listener)
 * @param directories every directory written: each run's, then the median run's when there were
 *                    several seeds, or the experiment's own output directory
 */
public record ExperimentOutcome(String experiment, List<RunOutcome> runs, List<Path> directories) {

    public ExperimentOutcome {
        runs = List.copyOf(runs);
        directories = List.copyOf(directories);
    }
}
