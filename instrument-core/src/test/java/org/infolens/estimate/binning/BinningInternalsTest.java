package org.infolens.estimate.binning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.infolens.data.Activations;
import org.junit.jupiter.api.Test;

/** The fast paths of binning against brute force on random inputs. */
class BinningInternalsTest {

    @Test
    void sortedEdgesAgreeWithCountingEdgesBelowOrAt() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(40);
            double scale = Math.pow(10, rnd.nextInt(7) - 3);
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                // duplicates, float32 edges and double edges (like -1.000001)
                e[i] = rnd.nextInt(4) == 0 && i > 0 ? e[i - 1]
                        : rnd.nextBoolean() ? (float) (rnd.nextGaussian() * scale) : rnd.nextGaussian() * scale;
            }
            Arrays.sort(e);
            SortedEdges edges = new SortedEdges(e, 8 + rnd.nextInt(13));
            for (int k = 0; k < 400; k++) {
                float edge = (float) e[rnd.nextInt(n)];
                float v = switch (k % 5) {
                    case 0 -> edge;
                    case 1 -> Math.nextDown(edge);
                    case 2 -> Math.nextUp(edge);
                    case 3 -> k % 2 == 0 ? -0.0f : Float.MAX_VALUE * (rnd.nextBoolean() ? 1 : -1);
                    default -> (float) (rnd.nextGaussian() * 3 * scale);
                };
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
    void floatKeysOrderAsTheFloatsDo() {
        Random rnd = new Random(10);
        for (int i = 0; i < 100_000; i++) {
            float a = Float.intBitsToFloat(rnd.nextInt());
            float b = i % 3 == 0 ? Math.nextUp(a) : Float.intBitsToFloat(rnd.nextInt());
            if (Float.isNaN(a) || Float.isNaN(b)) {
                continue;
            }
            int byKey = Integer.compareUnsigned(DistinctLevels.key(a), DistinctLevels.key(b));
            assertEquals(Float.compare(a + 0.0f, b + 0.0f) == 0 ? 0 : Double.compare(a, b) < 0 ? -1 : 1, Integer.signum(byKey), a + " vs " + b);
            assertEquals(a + 0.0f, DistinctLevels.fromKey(DistinctLevels.key(a)), 0.0f);
        }
    }

    @Test
    void distinctLevelsAgreeWithSortingAndDeduplicating() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 34; trial++) {
            // small layers use 12-bit buckets, layers of 2^21 values or more 16-bit ones
            int n = trial >= 32 ? (1 << 21) + rnd.nextInt(1000) : 1 + rnd.nextInt(5000);
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
            float[] kept = new float[n];
            int m = 0;
            for (float x : v) {
                if (x != excluded) {
                    kept[m++] = x + 0.0f; // -0.0 counts as +0.0
                }
            }
            Arrays.sort(kept, 0, m);
            float[] sorted = new float[m];
            int u = 0;
            for (int i = 0; i < m; i++) {
                if (u == 0 || kept[i] != sorted[u - 1]) {
                    sorted[u++] = kept[i];
                }
            }
            DistinctLevels levels = new DistinctLevels(Activations.wrap(v, n, 1), excluded);
            assertEquals(u, levels.count(), "trial " + trial);
            if (u == 0) {
                continue;
            }
            long[] ranks = new long[Math.min(u, 60)];
            for (int k = 0; k < ranks.length; k++) {
                ranks[k] = k == ranks.length - 1 ? u - 1 : (long) k * u / ranks.length;
            }
            for (long r : ranks) {
                assertEquals(sorted[(int) r], levels.valueAt(r), 0.0f, "rank " + r);
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
            float[] v = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = rnd.nextInt(alphabet) * (trial % 3 == 0 ? 1 << 20 : 1) - alphabet / 2; // high bits matter too
                v[i] = s[i];
            }
            // width 1: each value is its own bin index
            int[] ids = PatternTable.rowIds(Activations.wrap(v, rows, cols), LayerBinning.byWidth(1, Activations.Precision.FLOAT32));
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
