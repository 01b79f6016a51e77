package org.infolens.estimate.knn;

/** Small shared rules of the neighbour searches. */
final class Knn {

    private Knn() {
    }

    static void checkK(int k, int n) {
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k-NN needs 1 <= k < N (a point's k-th neighbour among the others): k = " + k
                    + ", N = " + n);
        }
    }

    /** Searches compare squared Euclidean distances; radii and results are distances. */
    static double toComparable(double distance, boolean max) {
        return max ? distance : distance * distance;
    }

    static double toDistance(double comparable, boolean max) {
        return max ? comparable : Math.sqrt(comparable);
    }

    static double[] toDistances(double[] comparable, boolean max) {
        double[] out = new double[comparable.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDistance(comparable[i], max);
        }
        return out;
    }

    static final double LN2 = Math.log(2);

    /** A mutual-information estimate in bits, with its value in nats and a flag when it came out negative. */
    static org.infolens.measure.Estimate mutualInformation(String name, double nats, java.util.Map<String, Object> extra) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("nats", nats);
        details.put("negative", nats < 0); // reported as estimated, not clipped
        details.putAll(extra);
        return new org.infolens.measure.Estimate(java.util.Map.of(name, nats / LN2), java.util.Map.of(), details);
    }
}
