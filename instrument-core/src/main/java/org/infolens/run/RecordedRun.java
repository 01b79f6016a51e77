package org.infolens.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;

/**
 * A run directory as read back for figures and reports: its provenance when run.json is there, its
 * records, and what the reader had to leave out (a cut-off last line). A run still going reads as
 * far as it has got.
 *
 * @param directory  the run directory
 * @param name       the run's name (run.json's, else the trajectory's, else the directory's)
 * @param provenance run.json, or null when the directory has none
 * @param records    every record, in file order (never empty)
 * @param warnings   what the reader left out, one line each
 */
public record RecordedRun(RunDirectory directory, String name, RunProvenance provenance, List<TrajectoryRecord> records,
                          List<String> warnings) {

    public RecordedRun {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(name, "name");
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("run " + name + " has no records");
        }
    }

    /**
     * Reads {@code root}. Bad input is an exception with a one-line message that names the file: no
     * such directory, no trajectory.jsonl, a trajectory without a complete record, a trajectory of a
     * newer schema, a malformed line before the last.
     */
    public static RecordedRun load(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such run directory");
        }
        RunDirectory dir = new RunDirectory(root);
        if (!Files.exists(dir.trajectoryFile())) {
            throw new NoSuchFileException(dir.trajectoryFile().toString(), null,
                    "no trajectory: not a run directory, or its run has not recorded an epoch yet");
        }
        TrajectoryReader.Trajectory t = TrajectoryReader.read(dir.trajectoryFile());
        if (t.records().isEmpty()) {
            throw new IllegalArgumentException(dir.trajectoryFile() + " has no complete record"
                    + (t.warnings().isEmpty() ? " (an empty file: the run has not recorded an epoch yet)" : ": " + t.warnings().get(0)));
        }
        RunProvenance provenance = Files.exists(dir.provenanceFile()) ? dir.readProvenance() : null;
        List<String> warnings = new ArrayList<>();
        t.warnings().forEach(w -> warnings.add(dir.trajectoryFile().getFileName() + ": " + w));
        if (provenance == null) {
            warnings.add("no run.json: provenance unknown");
        }
        String name = provenance != null && provenance.name() != null ? provenance.name()
                : t.records().get(0).run() != null ? t.records().get(0).run() : root.toAbsolutePath().normalize().getFileName().toString();
        return new RecordedRun(dir, name, provenance, t.records(), warnings);
    }

    /** The labels of the measures that have records, in the run's order: run.json's, then first appearance. */
    public List<String> labels() {
        Set<String> present = new LinkedHashSet<>();
        records.forEach(r -> present.add(r.label()));
        Set<String> ordered = new LinkedHashSet<>();
        if (provenance != null && provenance.measures() != null) {
            for (Map<String, Object> m : provenance.measures()) {
                String label = String.valueOf(m.get("label"));
                if (present.contains(label)) {
                    ordered.add(label);
                }
            }
        }
        ordered.addAll(present);
        return List.copyOf(ordered);
    }

    /** The ok records of a label, in file order. */
    public List<TrajectoryRecord> okRecords(String label) {
        return records.stream().filter(r -> r.isOk() && r.label().equals(label)).toList();
    }

    /** The training records (loss, probe accuracy), when the run wrote them. */
    public List<TrajectoryRecord> trainingRecords() {
        return records.stream().filter(r -> r.isOk() && r.measure().equals(TrainingRecord.MEASURE)).toList();
    }

    /** A setting of run.json ({@code settings}), when there. */
    public Optional<Object> setting(String key) {
        return provenance == null || provenance.settings() == null ? Optional.empty() : Optional.ofNullable(provenance.settings().get(key));
    }
}
