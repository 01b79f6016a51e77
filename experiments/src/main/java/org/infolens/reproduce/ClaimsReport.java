package org.infolens.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.infolens.figure.PanelFigure;
import org.infolens.report.RunReport;
import org.infolens.trajectory.Json;

/** reproduce/claims.json (every claim's runs, numbers and verdict) and reproduce/report.html (the table and a figure per claim). */
public final class ClaimsReport {

    public static final String FILE = "report.html";

    private ClaimsReport() {
    }

    /** A number as the table writes it: 4 significant digits, "-" for NaN. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == 0 || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.3e", v);
    }

    static void writeJson(List<Reproduction.Result> results, Reproduction.Settings s, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mode", s.quick() ? "quick" : "full");
        root.put("seeds", s.seeds());
        root.put("alpha", ClaimTest.ALPHA);
        root.put("enoughSeeds", ClaimTest.ENOUGH_SEEDS);
        List<Map<String, Object>> claims = new ArrayList<>();
        for (Reproduction.Result r : results) {
            Claim c = r.claim();
            Evaluation e = r.evaluation();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("citation", c.citation());
            m.put("statement", c.statement());
            m.put("requires", c.requires().stream().map(Claim.Requirement::describe).toList());
            m.put("paper", c.paper());
            Map<String, Object> runs = new LinkedHashMap<>();
            c.runs().forEach((role, spec) -> {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("experiment", spec.experiment());
                run.put("options", spec.options(s.quick()));
                run.put("directories", s.seeds().stream().map(seed -> s.out().resolve(spec.directoryName(s.quick(), seed)).toString()).toList());
                runs.put(role, run);
            });
            m.put("runs", runs);
            m.put("statistic", e.statistic());
            m.put("test", e.test());
            m.put("verdict", e.verdict().text());
            m.put("reason", e.reason());
            m.put("n", e.n());
            m.put("estimate", Json.finiteOrNull(e.estimate()));
            Map<String, Object> interval = new LinkedHashMap<>();
            interval.put("low", Json.finiteOrNull(e.low()));
            interval.put("high", Json.finiteOrNull(e.high()));
            interval.put("kind", e.interval());
            m.put("interval", interval);
            m.put("pValue", Json.finiteOrNull(e.pValue()));
            List<Map<String, Object>> seeds = new ArrayList<>();
            for (Evaluation.SeedValue v : e.seeds()) {
                Map<String, Object> sv = new LinkedHashMap<>();
                sv.put("seed", v.seed());
                sv.put("value", Json.finiteOrNull(v.value()));
                if (c.test() instanceof CorrelationTest) {
                    sv.put("y", Json.finiteOrNull(v.other()));
                }
                seeds.add(sv);
            }
            m.put("seeds", seeds);
            Map<String, String> excluded = new LinkedHashMap<>();
            r.excluded().forEach((seed, why) -> excluded.put(String.valueOf(seed), why));
            m.put("excludedSeeds", excluded);
            claims.add(m);
        }
        root.put("claims", claims);
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    static Path writeHtml(List<Reproduction.Result> results, Reproduction.Settings s, Path dir) throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>infolens reproduce</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>Published claims, checked over seeds</h1>\n");
        h.append("<p class=\"summary\">").append(esc(String.format(Locale.ROOT, "%s mode, seeds %s; tests at alpha = %.2f, one-sided in the"
                + " paper's direction; inconclusive where the seeds cannot decide (fewer than %d seeds and neither direction significant, or"
                + " too few for the test to reach significance at all).", s.quick() ? "quick (short runs)" : "full", s.seeds(), ClaimTest.ALPHA,
                ClaimTest.ENOUGH_SEEDS))).append("</p>\n");
        h.append("<table class=\"verdicts\">\n<tr><th>claim</th><th>paper</th><th>ours</th><th>statistic [interval]</th><th>p-value</th>"
                + "<th>verdict</th></tr>\n");
        for (Reproduction.Result r : results) {
            Evaluation e = r.evaluation();
            h.append("<tr><td><a href=\"#").append(esc(r.claim().id())).append("\">").append(esc(r.claim().id())).append("</a><br><span class=\"cite\">")
                    .append(esc(r.claim().citation())).append("</span></td><td>").append(esc(r.claim().paper())).append("</td><td>")
                    .append(esc(ours(e))).append("</td><td>").append(esc(number(e.estimate()))).append(" [").append(esc(number(e.low())))
                    .append(", ").append(esc(number(e.high()))).append("]<br><span class=\"cite\">").append(esc(e.interval()))
                    .append("</span></td><td>").append(esc(number(e.pValue()))).append("</td><td class=\"")
                    .append(e.verdict().name().toLowerCase(Locale.ROOT)).append("\">").append(esc(e.verdict().text())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        Path figures = dir.resolve("figures");
        for (Reproduction.Result r : results) {
            Claim c = r.claim();
            Evaluation e = r.evaluation();
            h.append("<h2 id=\"").append(esc(c.id())).append("\">").append(esc(c.id())).append(": ").append(esc(e.verdict().text()))
                    .append("</h2>\n<p>").append(esc(c.statement())).append(" <span class=\"cite\">(").append(esc(c.citation()))
                    .append(")</span></p>\n<ul>\n<li><b>statistic</b> (per seed): ").append(esc(e.statistic())).append("</li>\n<li><b>test</b>: ")
                    .append(esc(e.test())).append("</li>\n");
            if (!c.requires().isEmpty()) {
                h.append("<li><b>a seed counts when</b>: ").append(esc(String.join("; ", c.requires().stream().map(Claim.Requirement::describe)
                        .toList()))).append(r.excluded().isEmpty() ? "" : " \u2014 left out: " + esc(r.excluded().toString())).append("</li>\n");
            }
            h.append("<li><b>verdict</b>: ").append(esc(e.verdict().text())).append(" \u2014 ")
                    .append(esc(e.reason())).append("</li>\n</ul>\n");
            if (e.verdict() != Verdict.NOT_RUN) {
                PanelFigure f = ClaimFigure.of(c, e, Reproduction.seedRuns(c, s));
                PanelFigure.Written w = f.write(figures);
                h.append("<figure><img class=\"figure\" alt=\"").append(esc(f.title())).append("\" width=\"").append(f.width())
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(w.pngBytes()))
                        .append("\"><figcaption>also as <a href=\"figures/").append(esc(f.name())).append(".svg\">SVG</a></figcaption></figure>\n");
            }
        }
        h.append("</body>\n</html>\n");
        Path file = dir.resolve(FILE);
        Files.writeString(file, h, StandardCharsets.UTF_8);
        return file;
    }

    /** Our number as the table's "ours" column says it. */
    private static String ours(Evaluation e) {
        if (e.verdict() == Verdict.NOT_RUN) {
            return e.reason();
        }
        String what = e.test().startsWith("one-sided t test") ? "r" : e.test().startsWith("coefficient") ? "CV"
                : e.test().startsWith("every seed") ? "max |value|" : "median";
        return what + " " + number(e.estimate()) + " over " + e.n() + " seeds";
    }

    private static String esc(String s) {
        return RunReport.esc(s);
    }

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 24px auto; max-width: 1700px; padding: 0 24px; color: #222;
                   line-height: 1.45; }
            h2 { border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 36px; }
            .summary, .cite, figcaption { color: #666; font-size: 90%; }
            table { border-collapse: collapse; margin: 12px 0 20px 0; font-size: 92%; }
            th, td { border: 1px solid #ccc; padding: 4px 9px; text-align: left; vertical-align: top; }
            td.reproduced { background: #e3f4ec; }
            td.not_reproduced { background: #fbe5da; }
            td.inconclusive { background: #f2f2f2; }
            td.not_run { background: #fff4e0; }
            img.figure { max-width: 100%; height: auto; border: 1px solid #ddd; }
            """;
}
