package org.infolens.numeric;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Seeded row orders and subsets (Fisher-Yates), shared by every estimator, trainer and experiment that draws rows. */
public final class RandomRows {

    private RandomRows() {
    }

    /** Shuffles {@code order} in place, uniformly. */
    public static void shuffle(int[] order, RandomGenerator random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** 0..n-1 in a uniformly random order. */
    public static int[] permutation(int n, RandomGenerator random) {
        int[] p = identity(n);
        shuffle(p, random);
        return p;
    }

    /** {@code count} distinct values of 0..n-1 drawn uniformly (a partial Fisher-Yates shuffle), ascending. */
    public static int[] subset(int n, int count, RandomGenerator random) {
        if (count < 0 || count > n) {
            throw new IllegalArgumentException("cannot draw " + count + " of " + n + " rows");
        }
        int[] all = identity(n);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, count);
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }
}
