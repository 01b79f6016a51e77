package org.infolens.estimate.binning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.infolens.data.Activations;
import org.junit.jupiter.api.Test;

/** The fast paths of binning against brute force on random inputs. */
class BinningInternalsTest {

    @Test
    void sortedEdgesAgreeWithCountingEdgesBelowOrAt() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(40);
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = rnd.nextInt(4) == 0 && i > 0 ? e[i - 1] : rnd.nextGaussian() * (1 + trial % 5); // duplicates too
            }
            Arrays.sort(e);
            SortedEdges edges = new SortedEdges(e);
            for (int k = 0; k < 300; k++) {
                double v = k % 7 == 0 ? e[rnd.nextInt(n)] : rnd.nextGaussian() * 3 * (1 + trial % 5);
                if (k % 11 == 0) {
                    v = Math.nextDown(e[rnd.nextInt(n)]);
                }
                int expected = -1;
                for (double x : e) {
                    if (x <= v) {
                        expected++;
                    }
                }
                assertEquals(expected, edges.bin(v), "value " + v + " edges " + Arrays.toString(e));
            }
        }
    }

    @Test
    void distinctLevelsAgreeWithASortedSet() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + rnd.nextInt(5000);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (trial % 4) {
                    case 0 -> (float) Math.tanh(rnd.nextGaussian());
                    case 1 -> Math.max(0, (float) rnd.nextGaussian() * 100); // ReLU with many zeros
                    case 2 -> rnd.nextInt(20) / 8f - 1f; // few levels, many repeats
                    default -> rnd.nextBoolean() ? -0.0f : (float) rnd.nextGaussian() * 1e-30f;
                };
            }
            float excluded = trial % 2 == 0 ? (float) -1.000001 : 0f;
            TreeSet<Float> set = new TreeSet<>();
            for (float x : v) {
                if (x != excluded) {
                    set.add(x + 0.0f);
                }
            }
            List<Float> sorted = new ArrayList<>(set);
            DistinctLevels levels = new DistinctLevels(Activations.wrap(v, n, 1), excluded);
            assertEquals(sorted.size(), levels.count(), "trial " + trial);
            for (int r = 0; r < sorted.size(); r += 1 + sorted.size() / 50) {
                assertEquals(sorted.get(r), levels.valueAt(r), 0.0f, "rank " + r);
            }
            if (!sorted.isEmpty()) {
                assertEquals(sorted.get(sorted.size() - 1), levels.valueAt(sorted.size() - 1), 0.0f);
            }
        }
    }

    @Test
    void patternIdsAgreeWithAHashMapOfRows() {
        Random rnd = new Random(13);
        for (int trial = 0; trial < 50; trial++) {
            int rows = 1 + rnd.nextInt(500);
            int cols = 1 + rnd.nextInt(12);
            int alphabet = 1 + rnd.nextInt(4);
            int[] s = new int[rows * cols];
            for (int i = 0; i < s.length; i++) {
                s[i] = rnd.nextInt(alphabet) * (trial % 3 == 0 ? 1 << 20 : 1) - alphabet / 2; // high bits matter too
            }
            int[] ids = PatternTable.rowIds(s, rows, cols);
            Map<List<Integer>, Integer> expected = new HashMap<>();
            for (int r = 0; r < rows; r++) {
                List<Integer> row = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    row.add(s[r * cols + c]);
                }
                int id = expected.computeIfAbsent(row, k -> expected.size());
                assertEquals(id, ids[r], "row " + r);
            }
        }
    }

    @Test
    void conditionalEntropyMatchesTheDefinition() {
        Random rnd = new Random(14);
        int n = 1000;
        int[] ids = new int[n];
        int[] groups = new int[n];
        for (int i = 0; i < n; i++) {
            groups[i] = rnd.nextInt(7);
            ids[i] = (groups[i] * 3 + rnd.nextInt(3 + groups[i])) % 17;
        }
        double expected = 0;
        for (int g = 0; g < 7; g++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (groups[i] == g) {
                    members.add(ids[i]);
                }
            }
            int[] m = members.stream().mapToInt(Integer::intValue).toArray();
            expected += (double) m.length / n * PlugInEntropy.bits(m, 17);
        }
        assertEquals(expected, PlugInEntropy.conditionalBits(ids, 17, groups, 7), 1e-12);
    }
}
