package org.infolens.experiments.toy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** F / m against ||W||_F^2 / m, one marker per model (a colour per autoencoder), the diagonal dashed, Pearson r and its
 * bootstrap interval in the title (the first autoencoder's) and the legend; headless. */
public final class ToySuperpositionFigure {

    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ToySuperpositionFigure() {
    }

    private static final Color[] COLOURS = {new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0x9467BD),
        new Color(0xFF7F0E), new Color(0x8C564B)};

    /** One series per autoencoder, labelled with its r and interval; the legend shows when there are several. */
    public static JFreeChart chart(List<ToySuperposition.Result> results) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < results.size(); v++) {
            ToySuperposition.Result r = results.get(v);
            XYSeries points = new XYSeries(String.format(Locale.ROOT, "%s: r = %.3f [%.3f, %.3f]", r.autoencoder(), r.pearson(),
                    r.pearsonInterval().low(), r.pearsonInterval().high()), false, true);
            for (ToySuperposition.Point p : r.points()) {
                points.add(p.reference(), p.ratio());
                lo = Math.min(lo, Math.min(p.reference(), p.ratio()));
                hi = Math.max(hi, Math.max(p.reference(), p.ratio()));
            }
            data.addSeries(points);
            renderer.setSeriesLinesVisible(v, false);
            renderer.setSeriesShape(v, new Ellipse2D.Double(-4, -4, 8, 8));
            renderer.setSeriesPaint(v, COLOURS[v % COLOURS.length]);
        }
        XYSeries diagonal = new XYSeries("F/m = ||W||^2/m");
        diagonal.add(lo, lo);
        diagonal.add(hi, hi);
        data.addSeries(diagonal);
        int d = results.size();
        renderer.setSeriesShapesVisible(d, false);
        renderer.setSeriesPaint(d, new Color(0x888888));
        renderer.setSeriesStroke(d, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
        renderer.setSeriesVisibleInLegend(d, false);

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

        ToySuperposition.Result r = results.get(0);
        String title = String.format(Locale.ROOT, "Toy model of superposition: Pearson r = %.3f [%.3f, %.3f]", r.pearson(),
                r.pearsonInterval().low(), r.pearsonInterval().high());
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, results.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle sub = new TextTitle(String.format(Locale.ROOT, "n = 20, m = 5, %d models, S from %.3f to %.3f; 95%% bootstrap interval of r; %s on %d rows",
                r.points().size(), r.points().get(0).sparsity(), r.points().get(r.points().size() - 1).sparsity(), r.autoencoder(),
                ToySuperposition.ROWS),
                new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        sub.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(sub);
        return chart;
    }

    public static void writePng(List<ToySuperposition.Result> results, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart(results), 800, 640);
    }
}
