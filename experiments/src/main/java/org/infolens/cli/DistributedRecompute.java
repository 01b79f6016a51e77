package org.infolens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infolens.trajectory.TrajectoryRecord;

/**
 * Estimation for {@code ./infolens recompute --master URL}, done by a cluster engine that a jar on the
 * class path provides (the spark module's, found through
 * {@code META-INF/services/org.infolens.cli.DistributedRecompute}). The command checks the runs and
 * appends what it returns exactly as it appends its own estimates.
 */
public interface DistributedRecompute {

    /**
     * The records of {@code measures} (specs, as {@code --measure} takes them) on every stored epoch of
     * each run's activations/, by run, each run's records in the order epoch, layer, measure.
     */
    Map<Path, List<TrajectoryRecord>> estimate(List<Path> runs, List<String> measures, String master, PrintWriter log) throws IOException;
}
