package org.infolens.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.util.List;
import org.infolens.data.LayerId;
import org.infolens.measure.Unit;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.ValueNames;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One value against epoch on a logarithmic epoch axis ({@link EpochAxis}): a line per layer in the
 * layer's colour, markers when there are few epochs, a translucent band where the records carry
 * intervals, and a logarithmic value axis when positive values that are not bits (a loss, a condition
 * number) span three decades or more.
 */
final class EpochCurvesPanel {

    private static final int MARKERS_UP_TO = 40; // points per series; more would hide the line

    private EpochCurvesPanel() {
    }

    /**
     * The panel of {@code curves}; {@code layers} are the figure's layers, whose positions pick the
     * colours, so that a layer has the same colour in every panel.
     */
    static JFreeChart chart(EpochCurves curves, String title, List<LayerId> layers, Range epochs) {
        boolean training = curves.label().equals(TrainingRecord.MEASURE); // the network's curve, not a layer's: black
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.22f);
        for (int s = 0; s < curves.series().size(); s++) {
            EpochCurves.Series series = curves.series().get(s);
            YIntervalSeries ys = new YIntervalSeries(series.layer().name(), false, true);
            series.points().forEach(p -> ys.add(EpochAxis.coordinate(p.epoch()), p.value(), p.low(), p.high()));
            data.addSeries(ys);
            int position = layers.indexOf(series.layer());
            Color colour = training ? Color.BLACK : ChartStyle.layerColour(position);
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesFillPaint(s, colour);
            renderer.setSeriesStroke(s, training ? stroke(2) : stroke(position));
            renderer.setSeriesShape(s, ChartStyle.layerShape(training ? 0 : position, 7));
            renderer.setSeriesShapesVisible(s, series.points().size() <= MARKERS_UP_TO);
        }
        EpochAxis epochAxis = new EpochAxis();
        epochAxis.setRange(epochs);
        XYPlot plot = new XYPlot(data, epochAxis, valueAxis(curves), renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // deeper layers, thinner, on top: lines that coincide show both colours
        return ChartStyle.panel(title, plot);
    }

    /** Thinner with depth, so that a layer drawn over an earlier one with the same values leaves it visible around its line. */
    static BasicStroke stroke(int position) {
        return new BasicStroke((float) Math.max(1.6, 5.0 * Math.pow(0.72, position)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** The epoch axis range that shows every point of {@code curves}, with a little room: the same for all panels of a figure. */
    static Range epochRange(List<EpochCurves> curves) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (EpochCurves c : curves) {
            for (EpochCurves.Series s : c.series()) {
                for (EpochCurves.Point p : s.points()) {
                    lo = Math.min(lo, EpochAxis.coordinate(p.epoch()));
                    hi = Math.max(hi, EpochAxis.coordinate(p.epoch()));
                }
            }
        }
        double pad = Math.max(hi - lo, 0.3) * 0.03;
        return new Range(lo - pad, hi + pad);
    }

    private static ValueAxis valueAxis(EpochCurves curves) {
        String label = ValueNames.withUnit(curves.display(), curves.unit());
        boolean information = curves.unit() == Unit.BITS || curves.unit() == Unit.NATS;
        double min = curves.min();
        double max = curves.max();
        if (!information && min > 0 && max / min >= 1000) { // losses, condition numbers; never information
            LogAxis log = new LogAxis(label);
            log.setSmallestValue(min / 2);
            log.setBase(10);
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.##E0"));
            return log;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        // information: at least half a bit (or nat) from bottom to top, so that noise in the third decimal does not read as a trend
        axis.setAutoRangeMinimumSize(information ? 0.5 : 1e-6);
        return axis;
    }

    /** A legend of the layers {@code drawn} (colour, marker and line, by position in {@code layers}) to draw once under all panels. */
    static LegendTitle layerLegend(List<LayerId> drawn, List<LayerId> layers) {
        LegendItemCollection items = new LegendItemCollection();
        for (LayerId l : drawn) {
            int i = layers.indexOf(l);
            Color colour = ChartStyle.layerColour(i);
            Shape line = new java.awt.geom.Line2D.Double(-10, 0, 10, 0);
            String text = l.name() + " (" + l.width() + (l.activation().isEmpty() ? "" : ", " + l.activation()) + ")";
            items.add(new LegendItem(text, null, null, null, true, ChartStyle.layerShape(i, 8), true, colour, false, colour,
                    new BasicStroke(1f), true, line, stroke(i), colour));
        }
        LegendTitle legend = new LegendTitle(() -> items);
        legend.setItemFont(ChartStyle.AXIS_FONT);
        legend.setItemPaint(ChartStyle.TEXT);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        legend.setBackgroundPaint(Color.WHITE);
        legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
        return legend;
    }
}
