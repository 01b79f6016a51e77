package org.infolens.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Activations;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.trajectory.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots kept on disk as .npy files readable by numpy, one directory per recorded epoch:
 * <pre>
 *   probe-labels.npy, probe-input-ids.npy   the probe rows' labels and input ids (int64)
 *   probe-inputs.npy                        the probe rows' inputs (in their precision), when the probe has them
 *   epoch-000012/snapshot.json              epoch, iteration, layers (ids and file names)
 *   epoch-000012/layer-03-dense2.npy        probe rows x layer width, float32 (float64 for a DOUBLE network)
 * </pre>
 * Serves two purposes: activation dumps a user keeps, and the stored activations a two-pass measure
 * (global min-max binning) reads again at the end of the run. Dumps may keep a subset of rows and of
 * each layer's columns ({@link ActivationDumps}); the kept row indices are saved as
 * {@code probe-rows.npy}, a layer's kept columns as {@code layer-...columns.npy} beside it.
 */
public final class ActivationStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivationStore.class);
    private static final String INDEX = "snapshot.json";
    private static final String LABELS = "probe-labels.npy";
    private static final String INPUT_IDS = "probe-input-ids.npy";
    private static final String ROWS = "probe-rows.npy";
    private static final String INPUTS = "probe-inputs.npy";

    private final Path directory;
    private final boolean temporary;
    private final ActivationDumps keep;
    private int[] rows;                                               // kept probe rows, null = all
    private final java.util.Map<Integer, int[]> columns = new java.util.HashMap<>(); // kept columns by layer index

    private ActivationStore(Path directory, boolean temporary, ActivationDumps keep) {
        this.directory = directory;
        this.temporary = temporary;
        this.keep = keep;
    }

    /** A store in {@code directory} that stays after the run and keeps everything. */
    public static ActivationStore in(Path directory) throws IOException {
        return in(directory, ActivationDumps.ALL);
    }

    /** A store in {@code directory} that stays after the run and keeps what {@code keep} says. */
    public static ActivationStore in(Path directory, ActivationDumps keep) throws IOException {
        Files.createDirectories(directory);
        return new ActivationStore(directory, false, keep);
    }

    /** A store in a fresh temporary directory, deleted on {@link #close()}. */
    public static ActivationStore temporary() throws IOException {
        return new ActivationStore(Files.createTempDirectory("infolens-activations-"), true, ActivationDumps.ALL);
    }

    /** Whether every row and column is kept (then a two-pass measure can read it back). */
    public boolean complete() {
        return keep.complete();
    }

    /** Bytes one snapshot takes on disk (float32 values, headers aside). */
    public long bytesPerEpoch(ActivationSnapshot s) {
        long b = 0;
        for (LayerActivations l : s.layers()) {
            b += 4L * keep.rowsKept(s.rows()) * keep.columnsKept(l.layer().width());
        }
        return b;
    }

    public Path directory() {
        return directory;
    }

    /** The record of one stored epoch. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Index(int epoch, long iteration, int rows, List<Entry> layers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Entry(LayerId layer, String file, Integer originalWidth, String columnsFile) {
    }

    public void put(ActivationSnapshot snapshot) {
        Path dir = directory.resolve(String.format("epoch-%06d", snapshot.epoch()));
        try {
            Files.createDirectories(dir);
            List<Entry> entries = new ArrayList<>();
            int keptRows = keep.rowsKept(snapshot.rows());
            for (LayerActivations l : snapshot.layers()) {
                String base = String.format("layer-%02d-%s", l.layer().index(), safe(l.layer().name()));
                Activations values = rows == null ? l.values() : l.values().selectRows(rows);
                LayerId layer = l.layer();
                Entry entry;
                int[] cols = columnsOf(layer);
                if (cols == null) {
                    entry = new Entry(layer, base + ".npy", null, null);
                } else {
                    values = values.selectColumns(cols);
                    layer = new LayerId(layer.index(), layer.name(), cols.length, layer.kind(), layer.activation(), 0, layer.frozen());
                    entry = new Entry(layer, base + ".npy", l.layer().width(), base + ".columns.npy");
                    if (!Files.exists(dir.resolve(entry.columnsFile()))) {
                        Npy.write(dir.resolve(entry.columnsFile()), cols);
                    }
                }
                Npy.write(dir.resolve(entry.file()), values);
                entries.add(entry);
            }
            // The index is written last: an epoch directory without one is incomplete and is not replayed.
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(INDEX).toFile(),
                    new Index(snapshot.epoch(), snapshot.iteration(), keptRows, entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store activations of epoch " + snapshot.epoch() + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Saves the probe's labels and input ids (of the kept rows) beside the epochs, so the dumps can be re-estimated alone. */
    public void putProbe(Probe probe) {
        try {
            if (keep.rowsKept(probe.size()) < probe.size()) {
                rows = org.infolens.numeric.RandomRows.subset(probe.size(), keep.maxRows(), new java.util.SplittableRandom(keep.seed()));
                Npy.write(directory.resolve(ROWS), rows);
                probe = probe.selectRows(rows);
            }
            int[] ids = new int[probe.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = probe.inputId(i);
            }
            Npy.write(directory.resolve(INPUT_IDS), ids);
            if (probe.hasLabels()) {
                Npy.write(directory.resolve(LABELS), probe.labels());
            }
            if (probe.inputs().isPresent()) { // for measures of I(X;T) with continuous X (ksg, lossy) offline
                Npy.write(directory.resolve(INPUTS), probe.inputs().get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the probe labels in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The probe labels saved by {@link #putProbe}. */
    public Probe loadProbe() throws IOException {
        int[] ids = MatrixFiles.readLabels(directory.resolve(INPUT_IDS));
        Path labels = directory.resolve(LABELS);
        Probe p = Files.exists(labels) ? Probe.of(MatrixFiles.readLabels(labels), ids) : Probe.unlabelled(ids.length, ids);
        Path inputs = directory.resolve(INPUTS);
        return Files.exists(inputs) ? p.withInputs(Npy.readActivations(inputs)) : p;
    }

    /** Epoch directories with a complete index, in epoch order. */
    public List<Path> storedEpochs() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "epoch-*")) {
            for (Path p : ds) {
                if (Files.exists(p.resolve(INDEX))) {
                    dirs.add(p);
                }
            }
        }
        dirs.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return dirs;
    }

    /** Reads one stored epoch back. */
    public static ActivationSnapshot load(Path epochDirectory) throws IOException {
        Index index = Json.mapper().readValue(epochDirectory.resolve(INDEX).toFile(), Index.class);
        List<LayerActivations> layers = new ArrayList<>();
        for (Entry e : index.layers()) {
            Activations a = Npy.readActivations(epochDirectory.resolve(e.file()));
            if (a.rows() != index.rows() || a.columns() != e.layer().width()) {
                throw new IOException(epochDirectory.resolve(e.file()) + ": shape " + a.rows() + " x " + a.columns()
                        + ", its index says " + index.rows() + " x " + e.layer().width());
            }
            layers.add(new LayerActivations(e.layer(), a));
        }
        return new ActivationSnapshot(index.epoch(), index.iteration(), layers);
    }

    /** Removes a temporary store's files; a kept store stays. */
    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try {
            FileTrees.delete(directory);
        } catch (IOException e) {
            log.warn("could not delete temporary activations in {}: {}", directory, e.getMessage());
        }
    }

    /** The kept columns of a layer wider than maxColumns (fixed per layer), or null to keep all. */
    private int[] columnsOf(LayerId layer) {
        if (keep.columnsKept(layer.width()) == layer.width()) {
            return null;
        }
        return columns.computeIfAbsent(layer.index(), i -> org.infolens.numeric.RandomRows.subset(layer.width(), keep.maxColumns(),
                new java.util.SplittableRandom(keep.seed() * 1_000_003L + i)));
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
