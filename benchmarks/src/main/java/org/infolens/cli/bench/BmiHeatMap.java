package org.infolens.cli.bench;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.infolens.figure.ChartStyle;
import org.infolens.figure.PanelFigure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Tasks x estimators, a panel per N: the colour is ln(mean estimate / truth) from blue (too low)
 * through white to red (too high), clipped at a factor 4; solved cells (within a factor 1.5) carry a
 * black dot, failed estimates are grey.
 */
final class BmiHeatMap {

    private static final double CLIP = Math.log(4);

    private BmiHeatMap() {
    }

    static PanelFigure figure(BmiTable t) {
        List<JFreeChart> panels = new ArrayList<>();
        String[] taskNames = t.tasks().stream().map(x -> x.name()).toArray(String[]::new);
        String[] estimators = t.estimators().toArray(String[]::new);
        PaintScale scale = new Diverging();
        boolean anyUnreliable = false;
        for (int ni = 0; ni < t.sizes().size(); ni++) {
            int cells = t.tasks().size() * estimators.length;
            double[][] xyz = new double[3][cells];
            XYBlockRenderer r = new XYBlockRenderer();
            r.setPaintScale(scale);
            int k = 0;
            for (int ti = 0; ti < taskNames.length; ti++) {
                for (int ci = 0; ci < estimators.length; ci++) {
                    double truth = t.tasks().get(ti).truthNats();
                    BmiBench.Cell c = t.cell(ti, ci, ni);
                    xyz[0][k] = ci;
                    xyz[1][k] = taskNames.length - 1 - ti; // first task at the top
                    xyz[2][k] = c.logRatio(truth);
                    if (c.solved(truth)) {
                        r.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(ci - 0.045, xyz[1][k] - 0.25, 0.09, 0.5), null, null, Color.BLACK));
                    }
                    if (c.unreliable() > 0) { // a ring round the cell's centre: the verdict did not trust some seeds' estimates
                        anyUnreliable = true;
                        r.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(ci - 0.12, xyz[1][k] - 0.45, 0.24, 0.9),
                                new java.awt.BasicStroke(1.4f), new Color(90, 90, 90), null));
                    }
                    k++;
                }
            }
            DefaultXYZDataset data = new DefaultXYZDataset();
            data.addSeries("ratio", xyz);
            SymbolAxis x = new SymbolAxis("estimator", estimators);
            x.setVerticalTickLabels(true);
            x.setTickLabelFont(ChartStyle.TICK_FONT);
            String[] reversed = new String[taskNames.length];
            for (int i = 0; i < taskNames.length; i++) {
                reversed[i] = taskNames[taskNames.length - 1 - i];
            }
            SymbolAxis y = new SymbolAxis(null, reversed);
            y.setTickLabelFont(ChartStyle.TICK_FONT.deriveFont(11f));
            XYPlot plot = new XYPlot(data, x, y, r);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinesVisible(false);
            JFreeChart chart = new JFreeChart("N = " + t.sizes().get(ni) + ": " + solvedLine(t, ni), ChartStyle.PANEL_TITLE_FONT, plot, false);
            chart.setBackgroundPaint(Color.WHITE);
            panels.add(chart);
        }
        NumberAxis keyAxis = new NumberAxis("ln(mean / truth)");
        keyAxis.setRange(-CLIP, CLIP);
        PaintScaleLegend key = new PaintScaleLegend(scale, keyAxis);
        key.setPosition(RectangleEdge.RIGHT);
        key.setStripWidth(14);
        key.setMargin(4, 4, 4, 4);
        int width = Math.max(600, 300 + 40 * estimators.length); // the task names and the title need the room
        int height = Math.max(300, 180 + 17 * taskNames.length);
        return new PanelFigure("bmi-heatmap", "Beyond-Normal tasks: mean estimate against the truth",
                anyUnreliable ? List.of("dot: solved (mean over seeds within a factor 1.5)", "grey: the estimator failed; colours clipped at a factor 4",
                        "ring: the reliability verdict called some seeds' estimates unreliable")
                        : List.of("dot: solved (mean over seeds within a factor 1.5)", "grey: the estimator failed; colours clipped at a factor 4"),
                panels, Math.min(3, panels.size()), width, height, key, null);
    }

    private static String solvedLine(BmiTable t, int ni) {
        StringBuilder b = new StringBuilder("solved");
        for (int ci = 0; ci < t.estimators().size(); ci++) {
            b.append(ci == 0 ? " " : ", ").append(t.solvedCount(ci, ni));
        }
        return b.append(" of ").append(t.tasks().size()).toString();
    }

    /** Blue - white - red on [-ln 4, ln 4]; NaN (no positive mean, an error) grey. */
    private static final class Diverging implements PaintScale {

        @Override
        public double getLowerBound() {
            return -CLIP;
        }

        @Override
        public double getUpperBound() {
            return CLIP;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return new Color(150, 150, 150);
            }
            double f = Math.max(-1, Math.min(1, v / CLIP));
            Color end = f < 0 ? new Color(33, 102, 172) : new Color(178, 24, 43);
            double a = Math.abs(f);
            return new Color((int) Math.round(255 + a * (end.getRed() - 255)), (int) Math.round(255 + a * (end.getGreen() - 255)),
                    (int) Math.round(255 + a * (end.getBlue() - 255)));
        }
    }
}
