package org.infolens.experiments.toy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** F / m against ||W||_F^2 / m, one marker per sparsity, the diagonal dashed, Pearson r in the title; headless. */
public final class ToySuperpositionFigure {

    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ToySuperpositionFigure() {
    }

    public static JFreeChart chart(ToySuperposition.Result r) {
        XYSeries points = new XYSeries("sparsities", false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ToySuperposition.Point p : r.points()) {
            points.add(p.reference(), p.ratio());
            lo = Math.min(lo, Math.min(p.reference(), p.ratio()));
            hi = Math.max(hi, Math.max(p.reference(), p.ratio()));
        }
        XYSeries diagonal = new XYSeries("F/m = ||W||^2/m");
        diagonal.add(lo, lo);
        diagonal.add(hi, hi);
        XYSeriesCollection data = new XYSeriesCollection(points);
        data.addSeries(diagonal);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        renderer.setSeriesPaint(0, new Color(0x1F77B4));
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, new Color(0x888888));
        renderer.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));

        NumberAxis x = new NumberAxis("reference superposition  ||W||\u00b2_F / m");
        NumberAxis y = new NumberAxis("effective features  F / m");
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRangeIncludesZero(false);
            a.setLabelFont(AXIS_FONT);
            a.setTickLabelFont(TICK_FONT);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);

        String title = String.format(Locale.ROOT, "Toy model of superposition: Pearson r = %.3f", r.pearson());
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle sub = new TextTitle(String.format(Locale.ROOT, "n = 20, m = 5, %d sparsities from %.3f to %.3f; SAE dictionary 20 on %d rows",
                r.points().size(), r.points().get(0).sparsity(), r.points().get(r.points().size() - 1).sparsity(), r.rows()),
                new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        sub.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(sub);
        return chart;
    }

    public static void writePng(ToySuperposition.Result r, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart(r), 800, 640);
    }
}
