package org.infolens.reproduce;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.descriptive.Median;
import org.infolens.figure.ChartStyle;
import org.infolens.figure.EpochAxis;
import org.infolens.figure.PanelFigure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A claim's figure: each curve against the epoch, a grey line per seed and the median over seeds in
 * colour; then the statistic over the seeds (a point per seed, the threshold and the estimate as
 * lines; for a correlation, one number against the other).
 */
final class ClaimFigure {

    private static final Color GREY = new Color(0xAAAAAA);

    private ClaimFigure() {
    }

    static PanelFigure of(Claim claim, Evaluation e, List<SeedRuns> seeds) {
        List<JFreeChart> panels = new ArrayList<>();
        for (int i = 0; i < claim.curves().size(); i++) {
            panels.add(curvePanel(claim.curves().get(i), seeds, ChartStyle.layerColour(i)));
        }
        panels.add(claim.test() instanceof CorrelationTest ? correlationPanel(e) : distributionPanel(claim.test(), e));
        return new PanelFigure("claim-" + claim.id(), claim.id() + ": " + e.verdict().text(), List.of(shorten(claim.statement())), panels,
                Math.min(panels.size(), 3), 520, 400, null, null);
    }

    private static JFreeChart curvePanel(Curve curve, List<SeedRuns> seeds, Color colour) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Map<Integer, List<Double>> byEpoch = new TreeMap<>();
        int k = 0;
        for (SeedRuns s : seeds) {
            TreeMap<Integer, Double> series;
            try {
                series = curve.read(s);
            } catch (RuntimeException missing) { // a seed whose run is absent or lacks the measure: drawn without it
                continue;
            }
            XYSeries xy = new XYSeries("seed " + s.seed(), false);
            series.forEach((epoch, v) -> {
                xy.add(EpochAxis.coordinate(epoch), v);
                byEpoch.computeIfAbsent(epoch, x -> new ArrayList<>()).add(v);
            });
            data.addSeries(xy);
            renderer.setSeriesPaint(k, GREY);
            renderer.setSeriesStroke(k, new BasicStroke(1f));
            k++;
        }
        XYSeries median = new XYSeries("median", false);
        byEpoch.forEach((epoch, values) -> median.add(EpochAxis.coordinate(epoch),
                Median.withDefaults().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray())));
        if (median.getItemCount() > 0) {
            data.addSeries(median);
            renderer.setSeriesPaint(k, colour);
            renderer.setSeriesStroke(k, new BasicStroke(3f));
        }
        XYPlot plot = new XYPlot(data, new EpochAxis(), axis(curve.value()), renderer);
        JFreeChart chart = ChartStyle.panel(curve.value() + ", " + curve.layer().text(), plot);
        ChartStyle.addNote(chart, curve.measure() + ", " + curve.role() + " run: seeds grey, median in colour");
        return chart;
    }

    private static JFreeChart distributionPanel(ClaimTest test, Evaluation e) {
        XYSeries points = new XYSeries("seeds", false);
        for (Evaluation.SeedValue v : e.seeds()) {
            if (Double.isFinite(v.value())) {
                points.add(v.value(), v.seed());
            }
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, ChartStyle.layerColour(0));
        renderer.setSeriesShape(0, ChartStyle.layerShape(0, 9));
        NumberAxis seedAxis = axis("seed");
        seedAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(new XYSeriesCollection(points), axis("statistic"), seedAxis, renderer);
        if (test instanceof ShiftTest t) {
            plot.addDomainMarker(marker(t.threshold(), Color.DARK_GRAY, true));
            includeInRange(plot, t.threshold()); // markers do not widen the axis themselves
        } else if (test instanceof DispersionTest) {
            double mean = Arrays.stream(ClaimTest.finite(e.seeds())).average().orElse(Double.NaN);
            plot.addDomainMarker(marker(mean, Color.DARK_GRAY, true));
        }
        if (Double.isFinite(e.estimate()) && !(test instanceof DispersionTest)) {
            plot.addDomainMarker(marker(e.estimate(), ChartStyle.layerColour(1), false));
        }
        JFreeChart chart = ChartStyle.panel("the statistic per seed", plot);
        ChartStyle.addNote(chart, test instanceof ShiftTest ? "dashed: threshold; orange: median" : test instanceof DispersionTest
                ? "dashed: mean over seeds" : "orange: largest |value|");
        return chart;
    }

    private static JFreeChart correlationPanel(Evaluation e) {
        XYSeries points = new XYSeries("seeds", false);
        e.seeds().stream().filter(v -> Double.isFinite(v.value()) && Double.isFinite(v.other())).forEach(v -> points.add(v.value(), v.other()));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, ChartStyle.layerColour(0));
        renderer.setSeriesShape(0, ChartStyle.layerShape(0, 9));
        XYPlot plot = new XYPlot(new XYSeriesCollection(points), axis("x"), axis("y"), renderer);
        JFreeChart chart = ChartStyle.panel(String.format(Locale.ROOT, "one point per seed, r = %s", ClaimsReport.number(e.estimate())), plot);
        ChartStyle.addNote(chart, "x and y as the statistic says");
        return chart;
    }

    private static void includeInRange(XYPlot plot, double x) {
        org.jfree.data.Range r = plot.getDomainAxis().getRange();
        double lo = Math.min(r.getLowerBound(), x);
        double hi = Math.max(r.getUpperBound(), x);
        double pad = (hi - lo) * 0.05 + 1e-9;
        plot.getDomainAxis().setRange(lo - pad, hi + pad);
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static ValueMarker marker(double at, Color colour, boolean dashed) {
        ValueMarker m = new ValueMarker(at);
        m.setPaint(colour);
        m.setStroke(dashed ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2.5f));
        return m;
    }

    private static String shorten(String s) {
        return s.length() <= 150 ? s : s.substring(0, 147) + "...";
    }
}
