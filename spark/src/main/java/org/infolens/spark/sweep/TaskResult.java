package org.infolens.spark.sweep;

import java.io.Serializable;

/**
 * What a sweep's task reports to the driver.
 *
 * @param name     the run's directory name
 * @param seed     its seed
 * @param ran      false when the run was found finished (an earlier sweep's) and not run again
 * @param attempts the attempt that succeeded, counting from 1
 * @param seconds  the run's wall time
 * @param host     the executor's host
 */
record TaskResult(String name, long seed, boolean ran, int attempts, double seconds, String host) implements Serializable {

    private static final long serialVersionUID = 1L;
}
