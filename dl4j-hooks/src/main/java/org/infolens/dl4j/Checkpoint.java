package org.infolens.dl4j;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A run's DL4J checkpoints, {@code checkpoints/epoch-NNNNNN.zip} beside its trajectory: the network
 * (weights, updater state, configuration) at a recorded epoch, as DL4J's ModelSerializer writes it,
 * plus an {@code infolens} entry with the epoch and the loss accumulated for its training record. One is
 * written (to a temporary name, then moved) at each recorded epoch before the epoch is queued, and the
 * ones before an epoch are deleted once that epoch's records are written: what is left is the last
 * written epoch's and those of the epochs still queued. Resuming starts from the oldest, so an epoch that
 * was queued but not written when the process died is recorded again.
 *
 * @param network   the restored network, its epoch counter set to {@code epoch}
 * @param epoch     the completed epochs the checkpoint was written after
 * @param lossSum   the minibatch losses since the record before it (for the epoch's training record)
 * @param lossCount how many minibatches {@code lossSum} sums
 */
public record Checkpoint(Model network, int epoch, double lossSum, int lossCount) {

    /** The checkpoints' folder in a run directory. */
    public static final String DIRECTORY = "checkpoints";

    private static final String ENTRY = "infolens";
    private static final Pattern NAME = Pattern.compile("epoch-(\\d{6,})\\.zip");

    /** The checkpoints' folder of run directory {@code run}. */
    public static Path directory(Path run) {
        return run.resolve(DIRECTORY);
    }

    /** The checkpoints kept in run directory {@code run}, by epoch (empty when none). */
    public static TreeMap<Integer, Path> list(Path run) throws IOException {
        TreeMap<Integer, Path> m = new TreeMap<>();
        Path d = directory(run);
        if (!Files.isDirectory(d)) {
            return m;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
            for (Path f : files) {
                Matcher x = NAME.matcher(f.getFileName().toString());
                if (x.matches()) {
                    m.put(Integer.parseInt(x.group(1)), f);
                }
            }
        }
        return m;
    }

    /** Writes {@code model} after {@code epoch} completed epochs into run directory {@code run}. */
    static void write(Model model, Path run, int epoch, double lossSum, int lossCount) throws IOException {
        Path d = Files.createDirectories(directory(run));
        Path target = d.resolve(String.format(java.util.Locale.ROOT, "epoch-%06d.zip", epoch));
        Path tmp = d.resolve(target.getFileName() + ".tmp");
        ModelSerializer.writeModel(model, tmp.toFile(), true);
        HashMap<String, Object> meta = new HashMap<>();
        meta.put("epoch", epoch);
        meta.put("lossSum", lossSum);
        meta.put("lossCount", lossCount);
        meta.put("type", model instanceof ComputationGraph ? "graph" : "multilayer");
        ModelSerializer.addObjectToFile(tmp.toFile(), ENTRY, meta);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the checkpoints of run directory {@code run} before {@code epoch}, whose records are written. */
    static void deleteBefore(Path run, int epoch) throws IOException {
        for (Path f : list(run).headMap(epoch).values()) {
            Files.deleteIfExists(f);
        }
    }

    /**
     * Reads the oldest checkpoint of run directory {@code run} (the first epoch whose records may be
     * missing): the network with its updater state, its epoch counter set to the checkpoint's epoch, so
     * training goes on with the next epoch. None, or an unreadable one, is an IOException naming the file.
     */
    public static Checkpoint read(Path run) throws IOException {
        TreeMap<Integer, Path> kept = list(run);
        if (kept.isEmpty()) {
            throw new IOException(directory(run) + ": no checkpoint to resume from (record the run with checkpoints on:"
                    + " checkpoints(true), --checkpoints)");
        }
        Path f = kept.firstEntry().getValue();
        File file = f.toFile();
        Map<?, ?> meta;
        try {
            meta = ModelSerializer.getObjectFromFile(file, ENTRY);
        } catch (RuntimeException e) {
            throw new IOException(f + ": not an infolens checkpoint (" + e.getMessage() + ")", e);
        }
        if (meta == null || !(meta.get("epoch") instanceof Integer epoch) || epoch < 0) {
            throw new IOException(f + ": not an infolens checkpoint (no epoch in it)");
        }
        double lossSum = meta.get("lossSum") instanceof Double d ? d : 0;
        int lossCount = meta.get("lossCount") instanceof Integer n ? n : 0;
        try {
            if ("graph".equals(meta.get("type"))) {
                ComputationGraph g = ModelSerializer.restoreComputationGraph(file, true);
                g.getConfiguration().setEpochCount(epoch);
                return new Checkpoint(g, epoch, lossSum, lossCount);
            }
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file, true);
            net.getLayerWiseConfigurations().setEpochCount(epoch);
            return new Checkpoint(net, epoch, lossSum, lossCount);
        } catch (IOException | RuntimeException e) {
            throw new IOException(f + ": cannot restore the network (" + e.getMessage() + ")", e);
        }
    }
}
