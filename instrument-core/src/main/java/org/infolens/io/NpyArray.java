package org.infolens.io;

import java.util.Arrays;

/**
 * A numeric array read from a .npy file, values widened to double, C order.
 *
 * @param dtype the file's numpy type string, e.g. "<f4", "|u1", "<i8"
 * @param shape the array's shape
 */
public record NpyArray(String dtype, long[] shape, double[] values) {

    /** Number of rows (the first dimension; 1 for a scalar). */
    public int rows() {
        return shape.length == 0 ? 1 : (int) shape[0];
    }

    /** Product of the remaining dimensions (1 for a 1-D array). */
    public int columns() {
        long c = 1;
        for (int i = 1; i < shape.length; i++) {
            c *= shape[i];
        }
        return (int) c;
    }

    public String shapeText() {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
