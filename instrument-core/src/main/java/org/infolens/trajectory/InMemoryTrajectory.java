package org.infolens.trajectory;

import java.util.ArrayList;
import java.util.List;

/** Keeps records in memory, for tests and for callers that plot or analyse without files. */
public final class InMemoryTrajectory implements TrajectorySink {

    private final List<TrajectoryRecord> records = new ArrayList<>();

    @Override
    public synchronized void accept(TrajectoryRecord record) {
        records.add(record);
    }

    /** A copy of the records so far, in arrival order. */
    public synchronized List<TrajectoryRecord> records() {
        return List.copyOf(records);
    }
}
