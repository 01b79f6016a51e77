package org.infolens.dl4j;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A run's DL4J checkpoint, {@code checkpoint.zip} beside its trajectory: the network (weights, updater
 * state, configuration) at the last recorded epoch, as DL4J's ModelSerializer writes it, plus an
 * {@code infolens} entry with that epoch and the loss accumulated for its training record. One file,
 * replaced atomically at each recorded epoch, so a killed process leaves the previous checkpoint or the
 * new one, whole.
 *
 * @param network the restored network, its epoch counter set to {@code epoch}
 * @param epoch   the completed epochs the checkpoint was written after
 * @param lossSum the minibatch losses since the record before it (for the epoch's training record)
 * @param lossCount how many minibatches {@code lossSum} sums
 */
public record Checkpoint(Model network, int epoch, double lossSum, int lossCount) {

    /** The checkpoint file's name in a run directory. */
    public static final String FILE = "checkpoint.zip";

    private static final String ENTRY = "infolens";

    /** The checkpoint file of run directory {@code directory}. */
    public static Path file(Path directory) {
        return directory.resolve(FILE);
    }

    /** Writes {@code model} after {@code epoch} completed epochs into {@code directory}, replacing the previous checkpoint atomically. */
    static void write(Model model, Path directory, int epoch, double lossSum, int lossCount) throws IOException {
        Path target = file(directory);
        Path tmp = directory.resolve(FILE + ".tmp");
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

    /**
     * Reads the checkpoint of run directory {@code directory}: the network with its updater state, its
     * epoch counter set to the checkpoint's epoch, so training goes on with the next epoch. A missing or
     * unreadable checkpoint is an IOException naming the file.
     */
    public static Checkpoint read(Path directory) throws IOException {
        Path f = file(directory);
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + ": no checkpoint to resume from (record the run with checkpoints on: checkpoints(true), --checkpoints)");
        }
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
