package org.infolens.estimate.binning;

/**
 * Plug-in (maximum likelihood) entropies of discrete symbols, in bits: H = -sum p log2 p with
 * p = count / N, computed as log2 N - (1/N) sum c log2 c (exact when every count is 1).
 * Conditional entropies H(S|G) = sum_g p(g) H(S | G = g).
 */
final class PlugInEntropy {

    private static final double LN2 = Math.log(2);

    private PlugInEntropy() {
    }

    /** Entropy of ids in 0..idCount-1. */
    static double bits(int[] ids, int idCount) {
        int[] counts = new int[idCount];
        for (int id : ids) {
            counts[id]++;
        }
        return fromCounts(counts, ids.length);
    }

    /** H(S | G): {@code ids} in 0..idCount-1, {@code groups} in 0..groupCount-1, one each per row. */
    static double conditionalBits(int[] ids, int idCount, int[] groups, int groupCount) {
        int n = ids.length;
        // Rows ordered by group (counting sort), then each group's ids counted with a reused table.
        int[] start = new int[groupCount + 1];
        for (int g : groups) {
            start[g + 1]++;
        }
        for (int g = 0; g < groupCount; g++) {
            start[g + 1] += start[g];
        }
        int[] next = start.clone();
        int[] byGroup = new int[n];
        for (int r = 0; r < n; r++) {
            byGroup[next[groups[r]]++] = ids[r];
        }
        int[] counts = new int[idCount];
        double h = 0;
        for (int g = 0; g < groupCount; g++) {
            int from = start[g];
            int to = start[g + 1];
            if (to - from < 2) {
                continue; // a group of one row has zero entropy
            }
            for (int i = from; i < to; i++) {
                counts[byGroup[i]]++;
            }
            double cLogC = 0;
            for (int i = from; i < to; i++) {
                int c = counts[byGroup[i]];
                if (c > 1) {
                    cLogC += c * Math.log(c);
                }
                counts[byGroup[i]] = 0; // count each id once, and leave the table clean
            }
            double size = to - from;
            h += size / n * (Math.log(size) - cLogC / size) / LN2;
        }
        return h;
    }

    static double fromCounts(int[] counts, int total) {
        double cLogC = 0;
        for (int c : counts) {
            if (c > 1) {
                cLogC += c * Math.log(c);
            }
        }
        return (Math.log(total) - cLogC / total) / LN2;
    }
}
