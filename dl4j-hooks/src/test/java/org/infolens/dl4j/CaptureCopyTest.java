package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The copy of a batch's output into a snapshot keeps row-major values whatever the array's layout. */
class CaptureCopyTest {

    private static INDArray numbered(DataType type, char order, long rows, long columns) {
        INDArray a = Nd4j.create(type, new long[] {rows, columns}, order);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                a.putScalar(i, j, i * 1000 + j + 0.25);
            }
        }
        return a;
    }

    private static float[] rowMajor(INDArray a, int before, int after) {
        float[] v = new float[before + (int) a.length() + after];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                v[before + i * a.columns() + j] = a.getFloat(i, j);
            }
        }
        return v;
    }

    private static void check(INDArray a) {
        float[] into = new float[3 + (int) a.length() + 2];
        NetworkCapture.copyRows(a, into, 3, (int) a.length());
        assertArrayEquals(rowMajor(a, 3, 2), into);
        double[] into64 = new double[3 + (int) a.length() + 2];
        NetworkCapture.copyRows(a, into64, 3, (int) a.length());
        float[] expected = rowMajor(a, 3, 2);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], into64[k], 0.0, "value " + k);
        }
    }

    @Test
    void wholeArraysViewsAndColumnMajorArraysCopyTheirRowMajorValues() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            check(numbered(type, 'c', 7, 5));
            check(numbered(type, 'f', 7, 5));
            check(numbered(type, 'c', 9, 5).get(NDArrayIndex.interval(2, 8), NDArrayIndex.all())); // rows of a larger buffer, offset
            check(numbered(type, 'c', 7, 6).get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4))); // strided columns
            check(numbered(type, 'c', 5, 7).transpose());
        }
        check(numbered(DataType.HALF, 'c', 4, 3));
    }
}
