package dev.statsigjdbc.assistant.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.assistant.answer.ResultTable;
import dev.statsigjdbc.assistant.chart.VegaLiteRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A dashboard as one self-contained HTML page: Vega, Vega-Lite and vega-embed inlined (no network
 * needed), one section per pin with its chart (or table), summary, SQL and when it was last refreshed.
 * When the charts have drawn, the body carries {@code data-rendered} (charts drawn) and
 * {@code data-failed} (charts that vega-embed rejected, each also shown as a {@code .chart-error}).
 */
public final class DashboardPage {
  private static final List<String> SCRIPTS = List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js");
  private static final int TABLE_ROWS = 20;
  private static final String STYLE = """
      body{font-family:"DejaVu Sans",sans-serif;margin:24px;color:#222;max-width:1100px}
      section{border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:16px 0}
      h2{font-size:1.1em;margin:0 0 4px} .refreshed{color:#666;font-size:.85em;margin:0 0 8px}
      .stale{color:#a40000} .chart{width:100%} .chart-error{color:#a40000}
      table{border-collapse:collapse;font-size:.85em} td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}
      pre{white-space:pre-wrap;font-size:.8em;background:#f6f6f6;padding:8px}""";
  /** Draws every chart, then records on the body how many drew and how many failed. */
  private static final String EMBED = """
      const charts = JSON.parse(document.getElementById('charts').textContent);
      let drawn = 0, failed = 0;
      document.body.dataset.charts = charts.length;
      Promise.all(charts.map(c => vegaEmbed('#' + c.id, c.spec, {renderer: 'svg', actions: false})
        .then(() => { drawn++; })
        .catch(e => {
          failed++;
          const p = document.createElement('p');
          p.className = 'chart-error';
          p.textContent = 'This chart could not be drawn: ' + e;
          document.getElementById(c.id).appendChild(p);
        })))
        .then(() => { document.body.dataset.rendered = drawn; document.body.dataset.failed = failed; });""";

  private final VegaLiteRenderer vegaLite = new VegaLiteRenderer();

  public String render(String name, List<Panel> panels, Instant renderedAt) {
    StringBuilder html = new StringBuilder(1_000_000);
    ArrayNode charts = DashboardJson.JSON.createArrayNode();
    html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(name)).append(" · statsig-sql dashboard</title>\n<style>").append(STYLE).append("</style>\n");
    for (String script : SCRIPTS) {
      html.append("<script>").append(Html.scriptText(resource(script))).append("</script>\n");
    }
    html.append("</head>\n<body>\n<h1>").append(Html.escape(name)).append("</h1>\n<p class=\"refreshed\">Rendered ")
        .append(renderedAt).append(" · ").append(panels.size()).append(" pinned answer(s)</p>\n");
    for (int i = 0; i < panels.size(); i++) {
      section(html, i + 1, panels.get(i), charts);
    }
    html.append("<script type=\"application/json\" id=\"charts\">").append(Html.jsonText(charts)).append("</script>\n")
        .append("<script>").append(EMBED).append("</script>\n</body></html>\n");
    return html.toString();
  }

  private void section(StringBuilder html, int number, Panel panel, ArrayNode charts) {
    Pin pin = panel.pin();
    html.append("<section id=\"pin-").append(number).append("\">\n<h2>").append(number).append(". ")
        .append(Html.escape(pin.question())).append("</h2>\n");
    if (panel.refreshed()) {
      html.append("<p class=\"refreshed\">Last refreshed ").append(pin.refreshedAt()).append(" · pinned ")
          .append(pin.pinnedAt()).append("</p>\n<p>").append(Html.escape(panel.answer().summary())).append("</p>\n");
      for (String caveat : panel.answer().caveats()) {
        html.append("<p class=\"refreshed\">Caveat: ").append(Html.escape(caveat)).append("</p>\n");
      }
    } else {
      html.append("<p class=\"refreshed stale\">Refresh failed: ").append(Html.escape(panel.error()))
          .append(". Showing the chart as last refreshed ").append(pin.refreshedAt()).append(".</p>\n");
    }
    Optional<ObjectNode> spec = vegaLite.render(pin.chart());
    if (spec.isPresent()) {
      String id = "chart-" + number;
      html.append("<div class=\"chart\" id=\"").append(id).append("\"></div>\n");
      charts.addObject().put("id", id).set("spec", spec.get());
    } else if (panel.refreshed()) {
      table(html, panel.answer().table());
    }
    html.append("<details><summary>SQL</summary><pre>").append(Html.escape(pin.sql())).append("</pre></details>\n")
        .append("</section>\n");
  }

  private static void table(StringBuilder html, ResultTable table) {
    html.append("<table><tr>");
    table.columns().forEach(c -> html.append("<th>").append(Html.escape(c)).append("</th>"));
    html.append("</tr>\n");
    table.rows().stream().limit(TABLE_ROWS).forEach(row -> {
      html.append("<tr>");
      row.forEach(v -> html.append("<td>").append(v == null ? "" : Html.escape(v.toString())).append("</td>"));
      html.append("</tr>\n");
    });
    html.append("</table>\n");
    if (table.size() > TABLE_ROWS) {
      html.append("<p class=\"refreshed\">").append(table.size() - TABLE_ROWS).append(" more row(s)</p>\n");
    }
  }

  private static String resource(String script) {
    try (InputStream in = DashboardPage.class.getResourceAsStream("/third-party/vega/" + script)) {
      if (in == null) {
        throw new IllegalStateException("third-party/vega/" + script + " is missing from the assistant jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
