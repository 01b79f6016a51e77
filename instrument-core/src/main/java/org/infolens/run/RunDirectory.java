package org.infolens.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.infolens.trajectory.Json;

/**
 * The layout of a run's output directory:
 * <pre>
 *   run.json            provenance
 *   trajectory.jsonl    one record per (epoch, layer, measure)
 *   activations/        raw activations per recorded epoch (.npy), when kept
 *   figures/            information-plane.png, ...
 *   run.lock            while a process writes the run: its pid and host
 * </pre>
 */
public record RunDirectory(Path root) {

    /** The lock file of whoever writes the trajectory (a run, a recompute); see {@link RunLock}. */
    public static final String LOCK = "run.lock";

    /** The lock file of a report --watch writing report.html. */
    public static final String REPORT_LOCK = "report.lock";

    public Path provenanceFile() {
        return root.resolve("run.json");
    }

    public Path trajectoryFile() {
        return root.resolve("trajectory.jsonl");
    }

    public Path activationsDirectory() {
        return root.resolve("activations");
    }

    public Path figuresDirectory() {
        return root.resolve("figures");
    }

    /** Writes run.json atomically: readers see the old or the new file, never half of one. */
    public void writeProvenance(RunProvenance provenance) throws IOException {
        Files.createDirectories(root);
        Path tmp = root.resolve("run.json.tmp");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), provenance);
        try {
            Files.move(tmp, provenanceFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, provenanceFile(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Rewrites {@code trajectory} (atomically) with the records of the epochs before {@code epoch} only;
     * lines that do not parse (a record cut by a killed process) go too. For resuming from a checkpoint
     * at {@code epoch}, so that no epoch is recorded twice. A missing file stays missing.
     */
    public static void keepEpochsBefore(Path trajectory, int epoch) throws IOException {
        if (!Files.exists(trajectory)) {
            return;
        }
        Path tmp = trajectory.resolveSibling(trajectory.getFileName() + ".resume.tmp");
        try (java.io.BufferedReader in = Files.newBufferedReader(trajectory, java.nio.charset.StandardCharsets.UTF_8);
             java.io.BufferedWriter out = Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                com.fasterxml.jackson.databind.JsonNode n;
                try {
                    n = Json.mapper().readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (n != null && n.path("epoch").isInt() && n.get("epoch").intValue() < epoch) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        try {
            Files.move(tmp, trajectory, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, trajectory, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public RunProvenance readProvenance() throws IOException {
        if (!Files.exists(provenanceFile())) {
            throw new NoSuchFileException(provenanceFile().toString(), null, "no run.json in this run directory");
        }
        return Json.mapper().readValue(provenanceFile().toFile(), RunProvenance.class);
    }
}
