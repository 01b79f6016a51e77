package org.infolens.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.infolens.data.LayerId;
import org.infolens.trajectory.TrajectoryRecord;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The information plane as Shwartz-Ziv and Tishby drew it: x = I(X;T), y = I(T;Y), in bits; one
 * marker per layer per recorded epoch coloured by epoch (with a colour bar), a faint line joining the
 * layers of each epoch, each layer labelled at its last position, dashed ceilings at log2 N and H(Y).
 * Draws the ok records of one measure label; headless.
 */
public final class InformationPlaneFigure {

    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final String title;
    private final String subtitle;
    private final List<TrajectoryRecord> records;

    private InformationPlaneFigure(String title, String subtitle, List<TrajectoryRecord> records) {
        this.title = title;
        this.subtitle = subtitle;
        this.records = records;
    }

    /**
     * The plane of the records with label {@code label} (ok records with I_XT and I_TY only).
     * Throws when there is nothing to draw.
     */
    public static InformationPlaneFigure of(List<TrajectoryRecord> all, String label, String title) {
        List<TrajectoryRecord> points = all.stream()
                .filter(r -> r.isOk() && r.label().equals(label) && r.valuesBits().containsKey("I_XT")
                        && r.valuesBits().containsKey("I_TY"))
                .sorted(Comparator.comparingInt(TrajectoryRecord::epoch).thenComparingInt(r -> r.layer().index()))
                .toList();
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no estimates of I(X;T) and I(T;Y) with label '" + label + "' to draw");
        }
        TrajectoryRecord first = points.get(0);
        String sub = label + "   " + first.params() + "   N = " + first.n();
        return new InformationPlaneFigure(title, sub, points);
    }

    public JFreeChart chart() {
        int minEpoch = records.stream().mapToInt(TrajectoryRecord::epoch).min().orElse(0);
        int maxEpoch = records.stream().mapToInt(TrajectoryRecord::epoch).max().orElse(1);
        EpochColourScale colours = new EpochColourScale(minEpoch, maxEpoch);

        DefaultXYZDataset markers = new DefaultXYZDataset();
        double[][] xyz = new double[3][records.size()];
        for (int i = 0; i < records.size(); i++) {
            TrajectoryRecord r = records.get(i);
            xyz[0][i] = r.value("I_XT");
            xyz[1][i] = r.value("I_TY");
            xyz[2][i] = colours.coordinate(r.epoch());
        }
        markers.addSeries("estimates", xyz);
        XYShapeRenderer markerRenderer = new XYShapeRenderer();
        markerRenderer.setPaintScale(colours);
        markerRenderer.setAutoPopulateSeriesShape(false);
        markerRenderer.setDefaultShape(new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        markerRenderer.setDrawOutlines(true);
        markerRenderer.setUseOutlinePaint(true);
        markerRenderer.setDefaultOutlinePaint(new Color(0, 0, 0, 90));
        markerRenderer.setDefaultOutlineStroke(new BasicStroke(0.5f));

        Map<Integer, List<TrajectoryRecord>> byEpoch = new TreeMap<>();
        for (TrajectoryRecord r : records) {
            byEpoch.computeIfAbsent(r.epoch(), e -> new ArrayList<>()).add(r);
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        int s = 0;
        for (Map.Entry<Integer, List<TrajectoryRecord>> e : byEpoch.entrySet()) {
            XYSeries series = new XYSeries("epoch " + e.getKey(), false, true);
            for (TrajectoryRecord r : e.getValue()) {
                series.add(r.value("I_XT"), r.value("I_TY"));
            }
            lines.addSeries(series);
            Color c = (Color) colours.getPaint(colours.coordinate(e.getKey()));
            lineRenderer.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
            lineRenderer.setSeriesStroke(s, new BasicStroke(1.0f));
            s++;
        }

        NumberAxis x = new NumberAxis("I(X;T)  [bits]");
        NumberAxis y = new NumberAxis("I(T;Y)  [bits]");
        for (NumberAxis a : List.of(x, y)) {
            a.setAutoRangeIncludesZero(true);
            a.setLabelFont(AXIS_FONT);
            a.setTickLabelFont(TICK_FONT);
        }
        XYPlot plot = new XYPlot(markers, x, y, markerRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer); // dataset 1 is drawn first, under the markers
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));

        addCeiling(plot, true, detail("log2N"), "log\u2082 N");
        addCeiling(plot, false, detail("H_Y"), "H(Y)");
        labelLayers(plot, byEpoch.get(maxEpoch), records);

        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle sub = new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        sub.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(sub);
        chart.addSubtitle(colourBar(colours));
        return chart;
    }

    public void writePng(Path file, int width, int height) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart(), width, height);
    }

    private double detail(String name) {
        Object v = records.get(0).details().get(name);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A dashed ceiling (log2 N for I(X;T), H(Y) for I(T;Y)), labelled where points rarely are. */
    private static void addCeiling(XYPlot plot, boolean domain, double at, String text) {
        if (!Double.isFinite(at)) {
            return;
        }
        ValueMarker m = new ValueMarker(at, new Color(0x888888),
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
        m.setLabel(text);
        m.setLabelFont(TICK_FONT);
        m.setLabelPaint(Color.DARK_GRAY);
        if (domain) { // near the bottom of the vertical line, to its left
            m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addDomainMarker(0, m, Layer.BACKGROUND);
        } else { // at the left end of the horizontal line, above it
            m.setLabelAnchor(RectangleAnchor.LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(0, m, Layer.BACKGROUND);
        }
    }

    /**
     * Names each layer at its last recorded position; a label that would sit on one already placed
     * moves down a line, so layers that end together stay readable.
     */
    private static void labelLayers(XYPlot plot, List<TrajectoryRecord> lastEpoch, List<TrajectoryRecord> all) {
        if (lastEpoch == null) {
            return;
        }
        double xSpan = Math.max(1e-9, all.stream().mapToDouble(r -> r.value("I_XT")).max().orElse(1));
        double ySpan = Math.max(1e-9, all.stream().mapToDouble(r -> r.value("I_TY")).max().orElse(1));
        List<double[]> placed = new ArrayList<>();
        for (TrajectoryRecord r : lastEpoch) {
            double x = r.value("I_XT");
            double y = r.value("I_TY");
            boolean moved = true;
            while (moved) {
                moved = false;
                for (double[] p : placed) {
                    if (Math.abs(p[0] - x) < 0.09 * xSpan && Math.abs(p[1] - y) < 0.035 * ySpan) {
                        y -= 0.04 * ySpan;
                        moved = true;
                    }
                }
            }
            placed.add(new double[] {x, y});
            LayerId l = r.layer();
            XYTextAnnotation a = new XYTextAnnotation(" " + l.name() + " ", x, y);
            a.setFont(LABEL_FONT);
            a.setPaint(new Color(0x222222));
            a.setTextAnchor(x > 0.8 * xSpan ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT); // stay inside the plot
            plot.addAnnotation(a);
        }
    }

    private static PaintScaleLegend colourBar(EpochColourScale colours) {
        NumberAxis axis = new NumberAxis(colours.isLogarithmic() ? "epoch (log scale)" : "epoch");
        axis.setRange(colours.getLowerBound(), colours.getUpperBound());
        axis.setNumberFormatOverride(colours.epochFormat());
        if (colours.isLogarithmic()) {
            axis.setTickUnit(new NumberTickUnit(1));
        }
        axis.setLabelFont(TICK_FONT);
        axis.setTickLabelFont(TICK_FONT);
        PaintScaleLegend legend = new PaintScaleLegend(colours, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(14);
        legend.setSubdivisionCount(256);
        legend.setMargin(new RectangleInsets(40, 6, 40, 6));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }
}
