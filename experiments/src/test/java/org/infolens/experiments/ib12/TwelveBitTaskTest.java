package org.infolens.experiments.ib12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infolens.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwelveBitTaskTest {

    @TempDir
    Path dir;

    @Test
    void generatedTaskListsAllPatternsInCountingOrderWithBalancedLabels() {
        TwelveBitTask t = TwelveBitTask.generate();
        assertEquals(4096, t.size());
        for (int p : new int[] {0, 1, 2, 3, 1234, 4095}) {
            for (int i = 0; i < 12; i++) {
                assertEquals((p >> (11 - i)) & 1, (int) t.features()[p][i]); // most significant bit first
            }
        }
        assertTrue(Math.abs(t.positiveRate() - 0.5) <= 0.01, "p(y=1) = " + t.positiveRate());
        assertTrue(t.labelEntropyBits() > 0.99);
        assertArrayEquals(t.labels(), TwelveBitTask.generate().labels(), "deterministic");
    }

    /** Rotation by {@code angle} about the unit axis {@code k} (Rodrigues). */
    private static double[] rotate(double[] v, double[] k, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double dot = k[0] * v[0] + k[1] * v[1] + k[2] * v[2];
        double[] cross = {k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2], k[0] * v[1] - k[1] * v[0]};
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = v[i] * c + cross[i] * s + k[i] * dot * (1 - c);
        }
        return r;
    }

    /** Where each vertex goes under a map of the sphere that permutes the vertices. */
    private static int[] permutation(double[][] v, java.util.function.UnaryOperator<double[]> map) {
        int[] to = new int[12];
        for (int i = 0; i < 12; i++) {
            double[] w = map.apply(v[i]);
            to[i] = -1;
            for (int j = 0; j < 12; j++) {
                if (Math.abs(w[0] - v[j][0]) + Math.abs(w[1] - v[j][1]) + Math.abs(w[2] - v[j][2]) < 1e-9) {
                    to[i] = j;
                }
            }
            assertTrue(to[i] >= 0, "the map must permute the vertices");
        }
        return to;
    }

    @Test
    void labelsAreInvariantUnderTheSymmetriesOfTheIcosahedron() {
        double[][] v = TwelveBitTask.icosahedron();
        double[] vertexAxis = v[0];
        double[] faceAxis = null; // centre of a face: three mutually neighbouring vertices
        for (int a = 1; a < 12 && faceAxis == null; a++) {
            for (int b = a + 1; b < 12 && faceAxis == null; b++) {
                if (near(v[0], v[a]) && near(v[0], v[b]) && near(v[a], v[b])) {
                    double[] f = {v[0][0] + v[a][0] + v[b][0], v[0][1] + v[a][1] + v[b][1], v[0][2] + v[a][2] + v[b][2]};
                    double norm = Math.sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]);
                    faceAxis = new double[] {f[0] / norm, f[1] / norm, f[2] / norm};
                }
            }
        }
        double[] face = faceAxis;
        int[][] generators = {
            permutation(v, x -> rotate(x, vertexAxis, 2 * Math.PI / 5)),
            permutation(v, x -> rotate(x, face, 2 * Math.PI / 3)),
            permutation(v, x -> new double[] {-x[0], -x[1], -x[2]}), // inversion: O(3), not only rotations
        };
        int[] y = TwelveBitTask.generate().labels();
        for (int[] g : generators) {
            for (int p = 0; p < 4096; p++) {
                int q = 0;
                for (int i = 0; i < 12; i++) {
                    if (TwelveBitTask.bit(p, i) == 1) {
                        q |= 1 << (11 - g[i]);
                    }
                }
                assertEquals(y[p], y[q], "pattern " + p + " and its image " + q);
            }
        }
    }

    private static boolean near(double[] a, double[] b) {
        return Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] - 1 / Math.sqrt(5)) < 1e-9;
    }

    @Test
    void readsTheAuthorsCsvAndNpyLayouts() throws IOException {
        TwelveBitTask g = TwelveBitTask.generate();
        StringBuilder csv = new StringBuilder("x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,x11,y\n");
        float[] flat = new float[4096 * 12];
        for (int p = 0; p < 4096; p++) {
            for (int i = 0; i < 12; i++) {
                csv.append((int) g.features()[p][i]).append(',');
                flat[p * 12 + i] = g.features()[p][i];
            }
            csv.append(g.labels()[p]).append('\n');
        }
        Path csvFile = dir.resolve("var_u.csv");
        Files.writeString(csvFile, csv);
        assertArrayEquals(g.labels(), TwelveBitTask.read(csvFile).labels());

        Npy.write(dir.resolve("var_u_F.npy"), org.infolens.data.Activations.wrap(flat, 4096, 12));
        Npy.write(dir.resolve("var_u_y.npy"), g.labels());
        TwelveBitTask fromNpy = TwelveBitTask.read(dir.resolve("var_u_F.npy"));
        assertArrayEquals(g.labels(), fromNpy.labels());
        assertArrayEquals(g.features()[77], fromNpy.features()[77]);
    }

    @Test
    void badTaskFilesAreNamedWithTheProblem() throws IOException {
        Path lonely = dir.resolve("task_F.npy");
        Npy.write(lonely, org.infolens.data.Activations.wrap(new float[24], 2, 12));
        IOException missingLabels = assertThrows(IOException.class, () -> TwelveBitTask.read(lonely));
        assertTrue(missingLabels.getMessage().contains("task_y.npy"), missingLabels.getMessage());

        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "1,0,1\n0,1,0\n");
        IOException columns = assertThrows(IOException.class, () -> TwelveBitTask.read(wide));
        assertTrue(columns.getMessage().contains("3 columns"), columns.getMessage());

        Path notBits = dir.resolve("bits.csv");
        Files.writeString(notBits, "0,0,0,0,0,0,0,0,0,0,0,2,1\n");
        IOException bits = assertThrows(IOException.class, () -> TwelveBitTask.read(notBits));
        assertTrue(bits.getMessage().contains("pattern 0"), bits.getMessage());

        assertThrows(IOException.class, () -> TwelveBitTask.read(dir.resolve("absent.csv")));
    }
}
