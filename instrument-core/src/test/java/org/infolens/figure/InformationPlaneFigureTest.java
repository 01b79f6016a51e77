package org.infolens.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.infolens.data.LayerId;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InformationPlaneFigureTest {

    @TempDir
    Path dir;

    static List<TrajectoryRecord> plane() {
        List<TrajectoryRecord> r = new ArrayList<>();
        for (int epoch : new int[] {0, 1, 3, 10, 30, 100, 300, 1000}) {
            for (int l = 0; l < 4; l++) {
                double ixt = 12 - 2 * l - Math.log10(epoch + 1) * l * 0.5;
                double ity = Math.min(1, 0.2 + 0.2 * Math.log10(epoch + 1));
                r.add(new TrajectoryRecord(1, "t", epoch, epoch, new LayerId(l, "layer" + l, 4, "dense", "tanh"), "binning",
                        "binning/fixed-range-30", Map.of("bins", 30), 4096, RecordStatus.OK, Map.of("I_XT", ixt, "I_TY", ity),
                        Map.of(), Map.of("log2N", 12.0, "H_Y", 0.99), null, 0, Instant.EPOCH));
            }
        }
        return r;
    }

    @Test
    void drawsAPngWithColouredMarkersDeterministically() throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        InformationPlaneFigure.of(plane(), "binning/fixed-range-30", "test").writePng(a, 800, 600);
        InformationPlaneFigure.of(plane(), "binning/fixed-range-30", "test").writePng(b, 800, 600);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        BufferedImage img = ImageIO.read(a.toFile());
        assertEquals(800, img.getWidth());
        int coloured = 0;
        for (int x = 0; x < img.getWidth(); x += 2) {
            for (int y = 0; y < img.getHeight(); y += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int bl = rgb & 0xFF;
                if (Math.max(r, Math.max(g, bl)) - Math.min(r, Math.min(g, bl)) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 500, "markers and colour bar drawn: " + coloured);
    }

    @Test
    void colourScaleIsLogarithmicForLogSpacedEpochs() {
        EpochColourScale s = new EpochColourScale(0, 1000);
        assertTrue(s.isLogarithmic());
        assertEquals(0.0, s.position(s.coordinate(0)));
        assertEquals(0.0, s.position(s.coordinate(1)));
        assertEquals(1.0 / 3, s.position(s.coordinate(10)), 1e-12);
        assertEquals(1.0, s.position(s.coordinate(1000)));
        assertEquals("100", s.epochFormat().format(2.0));
        EpochColourScale linear = new EpochColourScale(1, 20);
        assertEquals(0.5, linear.position(linear.coordinate(10.5)), 1e-12);
    }

    @Test
    void nothingToDrawIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InformationPlaneFigure.of(plane(), "kde/upper", "x"));
        assertTrue(e.getMessage().contains("kde/upper"));
    }
}
