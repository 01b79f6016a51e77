package org.infolens.pipeline;

/**
 * Counts kept by a pipeline, for run.json and for checking that nothing was lost: every submitted
 * snapshot is either measured or recorded as skipped.
 *
 * @param submitted      snapshots offered by the training side
 * @param skipped        snapshots dropped because the queue was full
 * @param measured       snapshots the worker finished
 * @param okRecords      records with estimates
 * @param errorRecords   records of failed estimates (bad input, estimator errors)
 * @param skippedRecords records written for dropped snapshots
 * @param maxQueued      most snapshots waiting at once (the memory bound is this plus one in work)
 * @param measureSeconds time spent estimating
 */
public record PipelineSummary(long submitted, long skipped, long measured, long okRecords, long errorRecords,
                              long skippedRecords, int maxQueued, double measureSeconds) {
}
