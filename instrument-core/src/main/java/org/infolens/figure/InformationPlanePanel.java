package org.infolens.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.infolens.data.LayerId;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One information plane as Shwartz-Ziv and Tishby drew it: x = I(X;T), y = I(T;Y), in bits; a
 * marker per layer (its own shape) per recorded epoch coloured by epoch, a faint line joining the
 * layers of each epoch, each layer named at its last position, dashed ceilings at log2 N and H(Y) (and at
 * a bound's own, ln b), and under the markers a translucent box per point spanning its intervals when the records have them.
 */
final class InformationPlanePanel {

    private InformationPlanePanel() {
    }

    /** The panel of {@code data}, coloured on {@code colours}, over the given axis ranges (shared by the panels of a figure). */
    static JFreeChart chart(InformationPlaneData data, String title, String note, EpochColourScale colours, Range x, Range y) {
        List<LayerId> layers = data.layers();
        DefaultXYZDataset markers = new DefaultXYZDataset();
        XYShapeRenderer markerRenderer = new XYShapeRenderer();
        markerRenderer.setPaintScale(colours);
        markerRenderer.setAutoPopulateSeriesShape(false);
        markerRenderer.setDrawOutlines(true);
        markerRenderer.setUseOutlinePaint(true);
        markerRenderer.setDefaultOutlinePaint(new Color(0, 0, 0, 110));
        markerRenderer.setDefaultOutlineStroke(new BasicStroke(0.6f));
        XYSeriesCollection hollow = new XYSeriesCollection();
        HollowMarkers hollowRenderer = new HollowMarkers(colours);
        for (int l = 0; l < layers.size(); l++) {
            LayerId layer = layers.get(l);
            List<InformationPlaneData.Point> ps = data.points().stream().filter(p -> p.layer().equals(layer) && !p.unreliable()).toList();
            double[][] xyz = new double[3][ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                xyz[0][i] = ps.get(i).ixt();
                xyz[1][i] = ps.get(i).ity();
                xyz[2][i] = colours.coordinate(ps.get(i).epoch());
            }
            markers.addSeries(layer.name(), xyz);
            markerRenderer.setSeriesShape(l, ChartStyle.layerShape(l, 9));
            List<InformationPlaneData.Point> unreliable = data.points().stream().filter(p -> p.layer().equals(layer) && p.unreliable()).toList();
            if (!unreliable.isEmpty()) {
                XYSeries series = new XYSeries(layer.name() + " (unreliable)", false, true);
                unreliable.forEach(p -> series.add(p.ixt(), p.ity()));
                hollowRenderer.add(hollow.getSeriesCount(), ChartStyle.layerShape(l, 9),
                        unreliable.stream().mapToDouble(p -> colours.coordinate(p.epoch())).toArray());
                hollow.addSeries(series);
            }
        }

        Map<Integer, List<InformationPlaneData.Point>> byEpoch = new TreeMap<>();
        data.points().forEach(p -> byEpoch.computeIfAbsent(p.epoch(), e -> new ArrayList<>()).add(p));
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        int s = 0;
        for (Map.Entry<Integer, List<InformationPlaneData.Point>> e : byEpoch.entrySet()) {
            for (List<InformationPlaneData.Point> path : InformationPlaneData.paths(e.getValue())) {
                XYSeries series = new XYSeries("epoch " + e.getKey() + " #" + s, false, true);
                path.forEach(p -> series.add(p.ixt(), p.ity()));
                lines.addSeries(series);
                lineRenderer.setSeriesPaint(s, ChartStyle.translucent(colours.getPaint(colours.coordinate(e.getKey())), 55));
                lineRenderer.setSeriesStroke(s, new BasicStroke(1.0f));
                s++;
            }
        }

        NumberAxis xAxis = new NumberAxis("I(X;T)  [bits]");
        NumberAxis yAxis = new NumberAxis("I(T;Y)  [bits]");
        xAxis.setRange(padded(x, 0.03));
        yAxis.setRange(padded(y, 0.05));
        XYPlot plot = new XYPlot(markers, xAxis, yAxis, markerRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer); // dataset 1 is drawn first, under the markers
        if (hollow.getSeriesCount() > 0) { // only then: figures of runs without verdicts stay as they were
            plot.setDataset(2, hollow);
            plot.setRenderer(2, hollowRenderer);
        }
        for (InformationPlaneData.Point p : data.points()) {
            if (p.hasBand()) {
                Rectangle2D box = new Rectangle2D.Double(p.ixtLow(), p.ityLow(), p.ixtHigh() - p.ixtLow(), p.ityHigh() - p.ityLow());
                java.awt.Paint fill = ChartStyle.translucent(colours.getPaint(colours.coordinate(p.epoch())), 40);
                markerRenderer.addAnnotation(p.outside() // dashed: the interval excludes the plug-in value beside it
                        ? new XYShapeAnnotation(box, new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f),
                                new Color(0, 0, 0, 120), fill)
                        : new XYShapeAnnotation(box, null, null, fill), Layer.BACKGROUND);
            }
        }
        addCeiling(plot, true, data.log2N(), "log\u2082 N");
        addCeiling(plot, true, data.boundCeiling(), "ln b"); // InfoNCE's: a bound that cannot pass it, whatever the data
        addCeiling(plot, false, data.labelEntropy(), "H(Y)");
        labelLayers(plot, data.last(), x);
        JFreeChart chart = ChartStyle.panel(title, plot);
        if (note != null && !note.isEmpty()) {
            ChartStyle.addNote(chart, note);
        }
        return chart;
    }

    /**
     * The points a reliability verdict calls unreliable: the layer's marker as an outline only, in its
     * epoch's colour, so that they stay on the plane but do not read as estimates to trust.
     */
    private static final class HollowMarkers extends XYLineAndShapeRenderer {

        private final EpochColourScale colours;
        private final Map<Integer, double[]> epochCoordinates = new java.util.HashMap<>();

        HollowMarkers(EpochColourScale colours) {
            super(false, true);
            this.colours = colours;
            setDefaultShapesFilled(false);
            setUseOutlinePaint(false);
            setDefaultStroke(new BasicStroke(1.6f));
        }

        void add(int series, java.awt.Shape shape, double[] epochCoordinate) {
            setSeriesShape(series, shape);
            setSeriesShapesFilled(series, false);
            setSeriesStroke(series, new BasicStroke(1.6f));
            epochCoordinates.put(series, epochCoordinate);
        }

        @Override
        public java.awt.Paint getItemPaint(int series, int item) {
            return colours.getPaint(epochCoordinates.get(series)[item]);
        }
    }

    private static Range padded(Range r, double share) {
        double pad = r.getLength() * share;
        return new Range(r.getLowerBound() - (r.getLowerBound() < 0 ? pad : pad / 3), r.getUpperBound() + pad);
    }

    /** A dashed ceiling (log2 N for I(X;T), H(Y) for I(T;Y)), labelled where points rarely are. */
    private static void addCeiling(XYPlot plot, boolean domain, double at, String text) {
        if (!Double.isFinite(at)) {
            return;
        }
        ValueMarker m = new ValueMarker(at, ChartStyle.CEILING, ChartStyle.DASHED);
        m.setLabel(text);
        m.setLabelFont(ChartStyle.TICK_FONT);
        m.setLabelPaint(Color.DARK_GRAY);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        if (domain) { // near the bottom of the vertical line, to its left
            m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            m.setLabelOffset(new RectangleInsets(2, 2, 6, 4));
            plot.addDomainMarker(0, m, Layer.BACKGROUND);
        } else { // at the left end of the horizontal line, above it
            m.setLabelAnchor(RectangleAnchor.LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(0, m, Layer.BACKGROUND);
        }
    }

    /**
     * Names each layer at its last recorded position, the text to the right of the point (to its
     * left near the right edge); a label whose text would overlap one already placed moves down a
     * line, so layers that end together stay readable.
     */
    private static void labelLayers(XYPlot plot, List<InformationPlaneData.Point> last, Range x) {
        double xSpan = Math.max(1e-9, x.getLength());
        double ySpan = Math.max(1e-9, plot.getRangeAxis().getRange().getLength());
        double textWidth = 0.13 * xSpan; // "layer10" at the label font on a panel 640 pixels wide, in data units
        List<double[]> placed = new ArrayList<>(); // left end, right end and baseline of each label
        for (InformationPlaneData.Point p : last) {
            boolean leftOfPoint = p.ixt() > x.getLowerBound() + 0.75 * xSpan; // stay inside the plot
            double from = leftOfPoint ? p.ixt() - textWidth : p.ixt();
            double to = from + textWidth;
            double py = p.ity();
            boolean moved = true;
            while (moved) {
                moved = false;
                for (double[] q : placed) {
                    if (from < q[1] && q[0] < to && Math.abs(q[2] - py) < 0.045 * ySpan) {
                        py -= 0.05 * ySpan;
                        moved = true;
                    }
                }
            }
            placed.add(new double[] {from, to, py});
            XYTextAnnotation a = new XYTextAnnotation(" " + p.layer().name() + " ", p.ixt(), py);
            a.setFont(ChartStyle.LABEL_FONT);
            a.setPaint(ChartStyle.TEXT);
            a.setBackgroundPaint(new Color(255, 255, 255, 170));
            a.setTextAnchor(leftOfPoint ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(a);
        }
    }

    /** The epoch colour bar that the panels of a figure share. */
    static PaintScaleLegend colourBar(EpochColourScale colours) {
        NumberAxis axis = new NumberAxis(colours.isLogarithmic() ? "epoch (log scale)" : "epoch");
        axis.setRange(colours.getLowerBound(), colours.getUpperBound());
        axis.setNumberFormatOverride(colours.epochFormat());
        if (colours.isLogarithmic()) {
            axis.setTickUnit(new NumberTickUnit(1));
        } else {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // epochs are whole
        }
        ChartStyle.styleAxis(axis);
        PaintScaleLegend legend = new PaintScaleLegend(colours, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(16);
        legend.setSubdivisionCount(256);
        legend.setMargin(new RectangleInsets(10, 8, 10, 8));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }
}
