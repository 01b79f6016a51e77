package org.infolens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.data.LayerId;
import org.infolens.run.RecordedRun;
import org.infolens.trajectory.TrajectoryRecord;

/**
 * Where each measure ended: per measure label, each layer's last ok record (the latest epoch it was
 * estimated at, which is the run's last recorded epoch unless later estimates failed or were skipped).
 *
 * @param label  the measure label
 * @param values the value names, in the records' order: the table's columns
 * @param rows   one per layer, by layer index
 */
public record FinalValues(String label, List<String> values, List<TrajectoryRecord> rows) {

    public FinalValues {
        values = List.copyOf(values);
        rows = List.copyOf(rows);
    }

    /** The tables of every label of the run that has ok records, in the run's order. */
    public static List<FinalValues> of(RecordedRun run) {
        List<FinalValues> tables = new ArrayList<>();
        for (String label : run.labels()) {
            Map<LayerId, TrajectoryRecord> last = new LinkedHashMap<>();
            List<String> values = new ArrayList<>();
            for (TrajectoryRecord r : run.okRecords(label)) {
                last.merge(r.layer(), r, (a, b) -> b.epoch() >= a.epoch() ? b : a);
                r.values().keySet().stream().filter(v -> !values.contains(v)).forEach(values::add);
            }
            if (!last.isEmpty()) {
                tables.add(new FinalValues(label, values,
                        last.values().stream().sorted(Comparator.comparingInt(r -> r.layer().index())).toList()));
            }
        }
        return tables;
    }
}
