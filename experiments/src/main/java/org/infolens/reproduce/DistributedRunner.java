package org.infolens.reproduce;

import java.io.PrintWriter;

/**
 * Runs a reproduce suite's seeds on a cluster: {@code ./infolens reproduce --master URL}. The spark
 * module provides one (found through {@code META-INF/services/org.infolens.reproduce.DistributedRunner}),
 * so that this module does not depend on Spark.
 */
public interface DistributedRunner {

    /** A runner that makes each call's runs in parallel on {@code master} (local[N] or spark://host:port), logging to {@code log}. */
    SeedRunner on(String master, PrintWriter log);
}
