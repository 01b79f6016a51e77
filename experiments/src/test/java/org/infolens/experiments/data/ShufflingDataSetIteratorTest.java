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

    private static List<Integer> epoch(ShufflingDataSetIterator it) {
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
        ShufflingDataSetIterator a = new ShufflingDataSetIterator(Nd4j.create(x), Nd4j.create(y), 8, 5);
        ShufflingDataSetIterator b = new ShufflingDataSetIterator(Nd4j.create(x), Nd4j.create(y), 8, 5);
        List<Integer> first = epoch(a);
        assertEquals(37, new TreeSet<>(first).size());
        assertEquals(first, epoch(b));
        a.reset();
        b.reset();
        List<Integer> second = epoch(a);
        assertEquals(second, epoch(b));
        assertNotEquals(first, second, "reshuffled each epoch");
    }
}
