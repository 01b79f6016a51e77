package org.infolens.experiments.data;

import java.util.List;
import java.util.Random;
import org.infolens.numeric.RandomRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minibatches of an in-memory data set, reshuffled at every epoch from a seeded generator (as Keras's
 * fit does by default), so a run is repeatable. Batches are gathered from Java arrays into one new
 * array each: ND4J's getRows costs milliseconds per call, more than a training step of a small network.
 * With {@code prefetch}, DL4J's fit runs this iterator on its own thread a few batches ahead
 * (AsyncDataSetIterator): worth it for image batches, not for the 12-bit task's tiny ones, where the
 * hand-over costs more than the gathering. The order is the same either way.
 */
public final class ShufflingDataSetIterator implements DataSetIterator {

    private final float[] features; // row-major
    private final float[] labels;
    private final int featureColumns;
    private final int labelColumns;
    private final int batchSize;
    private final Random random;
    private final int[] order;
    private int cursor;
    private final boolean prefetch;
    private DataSetPreProcessor preProcessor;

    public ShufflingDataSetIterator(INDArray features, INDArray labels, int batchSize, long seed, boolean prefetch) {
        if (features.size(0) != labels.size(0)) {
            throw new IllegalArgumentException(features.size(0) + " feature rows but " + labels.size(0) + " label rows");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.featureColumns = (int) features.size(1);
        this.labelColumns = (int) labels.size(1);
        this.features = features.castTo(DataType.FLOAT).dup('c').data().asFloat();
        this.labels = labels.castTo(DataType.FLOAT).dup('c').data().asFloat();
        this.batchSize = batchSize;
        this.prefetch = prefetch;
        this.random = new Random(seed);
        this.order = new int[(int) features.size(0)];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle();
    }

    private void shuffle() {
        RandomRows.shuffle(order, random);
        cursor = 0;
    }

    @Override
    public DataSet next(int num) {
        int to = Math.min(order.length, cursor + num);
        int n = to - cursor;
        float[] x = new float[n * featureColumns];
        float[] y = new float[n * labelColumns];
        for (int i = 0; i < n; i++) {
            int row = order[cursor + i];
            System.arraycopy(features, row * featureColumns, x, i * featureColumns, featureColumns);
            System.arraycopy(labels, row * labelColumns, y, i * labelColumns, labelColumns);
        }
        cursor = to;
        DataSet d = new DataSet(Nd4j.create(x, new long[] {n, featureColumns}, 'c'), Nd4j.create(y, new long[] {n, labelColumns}, 'c'));
        if (preProcessor != null) {
            preProcessor.preProcess(d);
        }
        return d;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public void reset() {
        shuffle();
    }

    @Override
    public int inputColumns() {
        return featureColumns;
    }

    @Override
    public int totalOutcomes() {
        return labelColumns;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return prefetch;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
