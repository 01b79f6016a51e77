package org.infolens.estimate.binning;

import java.util.Arrays;

/**
 * Gives each distinct row of an int matrix (a probe row's bin indices, the joint pattern) a dense id,
 * by hashing whole rows into an open-addressing table and comparing rows on hash hits. Rows are
 * compared as int arrays, never as floats, so -0.0 and +0.0 cannot split a pattern.
 */
final class PatternTable {

    private PatternTable() {
    }

    /** Row ids 0..k-1 in order of first appearance; the number of distinct rows is max + 1. */
    static int[] rowIds(int[] symbols, int rows, int columns) {
        int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] slotRow = new int[capacity]; // representative row + 1, 0 = empty
        int[] slotId = new int[capacity];
        int[] ids = new int[rows];
        int next = 0;
        for (int r = 0; r < rows; r++) {
            int from = r * columns;
            int to = from + columns;
            long h = 0x9E3779B97F4A7C15L;
            for (int i = from; i < to; i++) {
                h = (h ^ symbols[i]) * 0xBF58476D1CE4E5B9L;
            }
            h ^= h >>> 33; // murmur3's finaliser: every input bit reaches the low bits used as slot
            h *= 0xC4CEB9FE1A85EC53L;
            h ^= h >>> 33;
            int slot = (int) h & mask;
            while (true) {
                int rep = slotRow[slot] - 1;
                if (rep < 0) {
                    slotRow[slot] = r + 1;
                    slotId[slot] = next;
                    ids[r] = next++;
                    break;
                }
                int repFrom = rep * columns;
                if (Arrays.equals(symbols, from, to, symbols, repFrom, repFrom + columns)) {
                    ids[r] = slotId[slot];
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return ids;
    }
}
