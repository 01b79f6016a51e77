package org.infolens.pipeline;

/** What the training thread does when the measurement queue is full. */
public enum WhenFull {
    /** Wait until the worker takes a snapshot: training slows, no epoch is lost (the default). */
    WAIT,
    /** Drop this epoch and write a "skipped" record for each of its (layer, measure): training never waits. */
    SKIP
}
