package org.infolens.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.infolens.run.RecordedRun;
import org.infolens.run.SyntheticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InformationPlaneFigureTest {

    @TempDir
    Path dir;

    @Test
    void planeDataHoldsEveryLayerAtEveryEpochAsRecorded() {
        InformationPlaneData d = InformationPlaneData.of(SyntheticRun.records(), SyntheticRun.BINNING);
        assertEquals(SyntheticRun.EPOCHS.length * 4, d.points().size());
        for (InformationPlaneData.Point p : d.points()) {
            assertEquals(SyntheticRun.ixt(p.epoch(), p.layer().index()), p.ixt(), 0);
            assertEquals(SyntheticRun.ity(p.epoch(), p.layer().index()), p.ity(), 0);
            assertNull(p.ixtBand());
        }
        assertEquals(List.of(0, 0, 0, 0, 1), d.points().subList(0, 5).stream().map(InformationPlaneData.Point::epoch).toList(),
                "by epoch, then layer");
        assertEquals(List.of("layer0", "layer1", "layer2", "layer3"), d.layers().stream().map(l -> l.name()).toList());
        assertEquals(12.0, d.log2N());
        assertEquals(0.99, d.labelEntropy());
        assertEquals(Map.of("edges", "fixed-range", "bins", 30), d.params());
        assertEquals(100, d.lastEpoch());
        assertEquals(12.0, d.ixtRange().getUpperBound(), "the ceiling log2 N is in range");
    }

    @Test
    void intervalsBecomeBandsAndWidenTheRange() {
        InformationPlaneData d = InformationPlaneData.of(SyntheticRun.records(), SyntheticRun.KDE);
        assertTrue(d.hasBands());
        InformationPlaneData.Point p = d.points().get(0); // epoch 0, layer 0: I(X;T) = 6 +- 0.25
        assertEquals(5.75, p.ixtBand().low(), 1e-12);
        assertEquals(6.25, p.ixtBand().high(), 1e-12);
        assertEquals(12.0, d.ixtRange().getUpperBound(), 1e-12, "up to the ceiling");
        assertEquals(-0.0, d.ityRange().getLowerBound(), 0.0);
        assertEquals(Math.log(4096) / Math.log(2), d.log2N(), 1e-12, "without log2N in the details: log2 of the probe rows");
        assertTrue(Double.isNaN(d.labelEntropy()));
    }

    @Test
    void figureHasAPanelPerEstimatorInTheRunsOrderAndIsDeterministic() throws IOException {
        RecordedRun run = SyntheticRun.write(dir.resolve("run"));
        PanelFigure a = InformationPlaneFigure.of(run);
        assertEquals(List.of(SyntheticRun.BINNING, SyntheticRun.KDE), InformationPlaneFigure.data(run).stream().map(InformationPlaneData::label).toList());
        assertEquals(2, a.panels().size());
        PanelFigure b = InformationPlaneFigure.of(RecordedRun.load(dir.resolve("run")));
        byte[] png = a.png();
        assertArrayEquals(png, b.png(), "same trajectory, same PNG bytes");
        assertEquals(a.svg(), b.svg(), "same trajectory, same SVG");
        assertTrue(a.svg().startsWith("<?xml") && a.svg().contains("<svg"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(a.width(), img.getWidth());
        assertTrue(colouredPixels(img) > 2000, "markers and colour bar drawn: " + colouredPixels(img));
    }

    @Test
    void aMedianRunSaysWhatItsBandsAre() throws IOException {
        RecordedRun median = SyntheticRun.write(dir.resolve("median"), SyntheticRun.records(), List.of(SyntheticRun.BINNING, SyntheticRun.KDE),
                Map.of("aggregate", "median", "seeds", List.of(1, 2, 3)));
        assertEquals(List.of("markers: median over seeds [1, 2, 3]; boxes: their min .. max"), InformationPlaneFigure.of(median).notes());
        RecordedRun plain = SyntheticRun.write(dir.resolve("plain"));
        assertEquals(List.of("markers: the plug-in estimates on all N rows; boxes: the records' confidence intervals, for the quantity"),
                InformationPlaneFigure.of(plain).notes());
        assertTrue(MeasureCurvesFigure.of(median).notes().contains("lines: median over seeds [1, 2, 3]; bands: their min .. max"));
        assertEquals("edges=fixed-range, bins=30   N = 4096", InformationPlaneFigure.note(InformationPlaneData.of(plain.records(), SyntheticRun.BINNING)));
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("hi", 5.664831638336182);
        params.put("scale", 1000.0);
        params.put("lo", -1.0);
        params.put("noise", 1e-6);
        InformationPlaneData d = InformationPlaneData.of(plain.records(), SyntheticRun.BINNING);
        assertEquals("hi=5.665, scale=1000, lo=-1, noise=0.000001   N = 4096", InformationPlaneFigure.note(
                new InformationPlaneData(d.label(), params, d.n(), d.log2N(), d.labelEntropy(), d.points())));
    }

    /**
     * Before: the box was stretched to reach the marker (min(value, low) .. max(value, high)) and
     * nothing said that the interval excluded the value. Now the box is the recorded interval, and a
     * dashed box with a note flags each one that excludes its marker.
     */
    @Test
    void anIntervalThatExcludesItsValueIsDrawnAsRecordedAndFlagged() throws IOException {
        List<org.infolens.trajectory.TrajectoryRecord> records = new java.util.ArrayList<>(SyntheticRun.records());
        // a subsampling interval centred on the bias-corrected 7.0, beside the plug-in 6.0
        records.add(SyntheticRun.record("synthetic", 300, SyntheticRun.layer(0), "kde", SyntheticRun.KDE, org.infolens.trajectory.RecordStatus.OK,
                SyntheticRun.values("I_XT", 6.0, "I_TY", 0.4), Map.of("I_XT", new org.infolens.measure.Interval(6.8, 7.2, 7.0)),
                Map.of("outsideInterval", Map.of("I_XT", "the interval is centred on the bias-corrected value")), null));
        RecordedRun run = SyntheticRun.write(dir.resolve("outside"), records, List.of(SyntheticRun.BINNING, SyntheticRun.KDE), Map.of());
        InformationPlaneData d = InformationPlaneData.of(run.records(), SyntheticRun.KDE);
        InformationPlaneData.Point p = d.points().stream().filter(x -> x.epoch() == 300).findFirst().orElseThrow();
        assertTrue(p.outside() && d.hasOutside());
        assertEquals(6.8, p.ixtLow(), 1e-12, "the box is the interval, not stretched to the marker at 6.0");
        assertEquals(7.2, p.ixtHigh(), 1e-12);
        assertTrue(d.points().stream().filter(x -> x.epoch() != 300).noneMatch(InformationPlaneData.Point::outside));
        List<String> notes = InformationPlaneFigure.of(run).notes();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(1).startsWith("dashed boxes exclude their marker"), notes.get(1));
        assertTrue(InformationPlaneFigure.of(run).png().length > 10_000);
    }

    static int colouredPixels(BufferedImage img) {
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
        return coloured;
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
                () -> InformationPlaneData.of(SyntheticRun.records(), "ksg"));
        assertTrue(e.getMessage().contains("'ksg'"), e.getMessage());
    }

    /** A bound's ceiling in the records (InfoNCE's ln b, nats) is the plane's, in bits, drawn as a dashed line; none without. */
    @Test
    void aBoundsCeilingIsDrawnWhereTheRecordsCarryIt() throws IOException {
        List<org.infolens.trajectory.TrajectoryRecord> withCeiling = SyntheticRun.records().stream().map(r -> {
            if (!r.label().equals(SyntheticRun.KDE)) {
                return r;
            }
            Map<String, Object> details = new java.util.LinkedHashMap<>(r.details());
            details.put("ceilingNats", Math.log(136));
            return SyntheticRun.record(r.run(), r.epoch(), r.layer(), r.measure(), r.label(), r.status(), r.values(), r.intervals(), details, null);
        }).toList();
        InformationPlaneData d = InformationPlaneData.of(withCeiling, SyntheticRun.KDE);
        assertEquals(Math.log(136) / Math.log(2), d.boundCeiling(), 1e-12);
        assertTrue(Double.isNaN(InformationPlaneData.of(SyntheticRun.records(), SyntheticRun.KDE).boundCeiling()));
        RecordedRun run = SyntheticRun.write(dir.resolve("bound"), withCeiling, List.of(SyntheticRun.BINNING, SyntheticRun.KDE),
                Map.of("experiment", "synthetic"));
        assertTrue(InformationPlaneFigure.of(run).svg().contains("ln b"));
        assertTrue(!InformationPlaneFigure.of(SyntheticRun.write(dir.resolve("plain"))).svg().contains("ln b"));
    }
}
