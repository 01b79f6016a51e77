package org.infolens.estimate.binning;

import org.infolens.data.Activations;
import org.infolens.numeric.Parallel;

/**
 * Gives each distinct binned row (a probe row's bin indices together, the joint pattern) a dense id.
 * Rows are binned and hashed in one pass, in parallel row chunks, without storing the bin indices:
 * memory traffic, not arithmetic, bounds binning on large layers. Rows whose hashes land on the
 * same slot are binned again and compared index by index, so equal hashes never merge different
 * patterns. Bin indices are ints, never floats, so -0.0 and +0.0 cannot split a pattern.
 */
final class PatternTable {

    private PatternTable() {
    }

    /** Row ids 0..k-1 in order of first appearance; the number of distinct rows is max + 1. */
    static int[] rowIds(Activations values, LayerBinning binning) {
        int rows = values.rows();
        int columns = values.columns();
        long[] hashes = new long[rows];
        Parallel.forChunks(rows, Parallel.chunks(rows, values.size()), (chunk, from, to) -> {
            for (int r = from; r < to; r++) {
                hashes[r] = hashRow(values, binning, r, columns);
            }
        });
        int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] slotRow = new int[capacity]; // representative row + 1, 0 = empty
        int[] slotId = new int[capacity];
        int[] ids = new int[rows];
        int[] rowBins = new int[columns];
        int[] representativeBins = new int[columns];
        int next = 0;
        for (int r = 0; r < rows; r++) {
            int slot = (int) hashes[r] & mask;
            boolean binned = false;
            while (true) {
                int rep = slotRow[slot] - 1;
                if (rep < 0) {
                    slotRow[slot] = r + 1;
                    slotId[slot] = next;
                    ids[r] = next++;
                    break;
                }
                if (hashes[rep] == hashes[r]) {
                    if (!binned) {
                        binRow(values, binning, r, rowBins);
                        binned = true;
                    }
                    binRow(values, binning, rep, representativeBins);
                    if (java.util.Arrays.equals(rowBins, representativeBins)) {
                        ids[r] = slotId[slot];
                        break;
                    }
                }
                slot = (slot + 1) & mask;
            }
        }
        return ids;
    }

    private static void binRow(Activations values, LayerBinning binning, int row, int[] target) {
        int base = row * target.length;
        for (int c = 0; c < target.length; c++) {
            target[c] = binning.bin(values.getFlat(base + c));
        }
    }

    /** Four interleaved multiply-xor chains (independent, so the CPU overlaps them), then murmur3's finaliser. */
    private static long hashRow(Activations values, LayerBinning binning, int row, int columns) {
        long h0 = 0x9E3779B97F4A7C15L;
        long h1 = 0x632BE59BD9B4E019L;
        long h2 = 0x85157AF5L;
        long h3 = 0x2545F4914F6CDD1DL;
        int i = row * columns;
        int end = i + columns;
        for (; i + 3 < end; i += 4) {
            h0 = (h0 ^ binning.bin(values.getFlat(i))) * 0xBF58476D1CE4E5B9L;
            h1 = (h1 ^ binning.bin(values.getFlat(i + 1))) * 0xBF58476D1CE4E5B9L;
            h2 = (h2 ^ binning.bin(values.getFlat(i + 2))) * 0xBF58476D1CE4E5B9L;
            h3 = (h3 ^ binning.bin(values.getFlat(i + 3))) * 0xBF58476D1CE4E5B9L;
        }
        for (; i < end; i++) {
            h0 = (h0 ^ binning.bin(values.getFlat(i))) * 0xBF58476D1CE4E5B9L;
        }
        long h = h0 ^ Long.rotateLeft(h1, 17) ^ Long.rotateLeft(h2, 31) ^ Long.rotateLeft(h3, 47);
        h ^= h >>> 33; // every input bit reaches the low bits used as slot
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
