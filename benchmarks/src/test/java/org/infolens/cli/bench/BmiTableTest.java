package org.infolens.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.infolens.bmi.BmiTask;
import org.infolens.bmi.BmiTasks;
import org.infolens.cli.bench.BmiBench.Cell;
import org.junit.jupiter.api.Test;

/** The paper's criterion on made-up means: within a factor 1.5 of the truth, and "solved from" the N after which it always is. */
class BmiTableTest {

    private static Cell cell(double... nats) {
        return new Cell(nats, 0.5, 1, 2, 0, null);
    }

    @Test
    void solvedMeansTheMeanOverSeedsIsWithinAFactorOfOnePointFive() {
        double truth = 2;
        assertTrue(cell(1.4, 1.4).solved(truth));       // ratio 0.7 > 1/1.5
        assertFalse(cell(1.3, 1.3).solved(truth));      // 0.65 < 0.667
        assertTrue(cell(2.9, 2.9).solved(truth));       // 1.45
        assertFalse(cell(3.1, 3.1).solved(truth));      // 1.55
        assertTrue(cell(0.8, 4.9).solved(truth), "the mean over seeds (2.85) counts, not each seed");
        assertFalse(cell(-1, 0.5).solved(truth), "a mean at or below 0 is never within a factor");
        assertFalse(new Cell(new double[] {2, 2}, 0, 0, 0, 0, "too few rows").solved(truth), "an error is not solved");
    }

    @Test
    void solvedFromIsTheSmallestNAfterWhichEveryLargerNIsSolved() {
        List<BmiTask> tasks = List.of(BmiTasks.named("binormal 1x1"), BmiTasks.named("mn 2-pair 5x5"));
        double a = tasks.get(0).truthNats();
        double b = tasks.get(1).truthNats();
        Cell[][][] cells = {
            {{cell(0.5 * a), cell(a), cell(a)}},        // solved from 5,000
            {{cell(b), cell(0.5 * b), cell(b)}},        // solved at 1,000 and 10,000, not 5,000: from 10,000
        };
        BmiTable t = new BmiTable(tasks, List.of("ksg"), List.of(1000, 5000, 10000), cells, false, false);
        assertEquals(5000, t.solvedFrom(0, 0));
        assertEquals(10000, t.solvedFrom(1, 0));
        assertEquals(1, t.solvedCount(0, 0));
        assertEquals(2, t.solvedCount(0, 2));
        StringWriter out = new StringWriter();
        t.print(new PrintWriter(out));
        assertTrue(out.toString().contains("solved tasks (of 2)"), out.toString());
        assertEquals(1 + 2 * 3, t.tsv().split("\n").length, "a header and a line per task, estimator and N");
        assertTrue(BmiHeatMap.figure(t).png().length > 1000);
        assertFalse(String.join(" ", BmiHeatMap.figure(t).notes()).contains("ring"));
        cells[1][0][2] = new Cell(new double[] {b, b}, 0.5, 0, 0, 2, null);
        assertTrue(String.join(" ", BmiHeatMap.figure(t).notes()).contains("ring: the reliability verdict"), "unreliable cells are ringed");
    }
}
