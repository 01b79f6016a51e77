package org.infolens.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ShufflingDataSetIteratorTest {

    private static List<Integer> epoch(org.nd4j.linalg.dataset.api.iterator.DataSetIterator it) {
        List<Integer> order = new ArrayList<>();
        while (it.hasNext()) {
            DataSet d = it.next();
            for (int r = 0; r < d.numExamples(); r++) {
                order.add((int) d.getFeatures().getFloat(r, 0));
                assertEquals(d.getFeatures().getFloat(r, 0) * 2, d.getLabels().getFloat(r, 0), 0f, "rows stay paired");
            }
        }
        return order;
    }

    @Test
    void everyEpochVisitsEveryRowOnceInASeededOrder() {
        float[][] x = new float[37][2];
        float[][] y = new float[37][1];
        for (int i = 0; i < 37; i++) {
            x[i][0] = i;
            y[i][0] = 2 * i;
        }
        ShufflingDataSetIterator a = new ShufflingDataSetIterator(Nd4j.create(x), Nd4j.create(y), 8, 5, false);
        ShufflingDataSetIterator b = new ShufflingDataSetIterator(Nd4j.create(x), Nd4j.create(y), 8, 5, false);
        List<Integer> first = epoch(a);
        assertEquals(37, new TreeSet<>(first).size());
        assertEquals(first, epoch(b));
        a.reset();
        b.reset();
        List<Integer> second = epoch(a);
        assertEquals(second, epoch(b));
        assertNotEquals(first, second, "reshuffled each epoch");
    }

    @Test
    void prefetchingOnDl4jsAsyncThreadKeepsTheOrder() {
        float[][] x = new float[300][3];
        float[][] y = new float[300][1];
        for (int i = 0; i < 300; i++) {
            x[i][0] = i;
            y[i][0] = 2 * i;
        }
        ShufflingDataSetIterator plain = new ShufflingDataSetIterator(Nd4j.create(x), Nd4j.create(y), 16, 9, false);
        ShufflingDataSetIterator ahead = new ShufflingDataSetIterator(Nd4j.create(x), Nd4j.create(y), 16, 9, true);
        org.junit.jupiter.api.Assertions.assertTrue(ahead.asyncSupported(), "fit wraps it in an AsyncDataSetIterator");
        org.nd4j.linalg.dataset.AsyncDataSetIterator async = new org.nd4j.linalg.dataset.AsyncDataSetIterator(ahead, 4);
        try {
            assertEquals(epoch(plain), epoch(async));
            plain.reset();
            async.reset();
            assertEquals(epoch(plain), epoch(async), "and again after reset");
        } finally {
            async.shutdown();
        }
    }
}
