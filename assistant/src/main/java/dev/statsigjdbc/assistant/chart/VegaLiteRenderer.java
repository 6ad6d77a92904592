package dev.statsigjdbc.assistant.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.assistant.answer.ChartSpec;
import java.util.Optional;

/** Writes a chart spec as a Vega-Lite (v6 schema) specification for dashboards. A table has no chart. */
public final class VegaLiteRenderer {
  public static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public Optional<ObjectNode> render(ChartSpec spec) {
    if (spec.kind() == ChartSpec.Kind.TABLE) {
      return Optional.empty();
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("title", spec.title());
    root.put("width", "container");
    root.set("data", JSON.createObjectNode().set("values", values(spec)));
    switch (spec.kind()) {
      case BAR -> {
        root.put("mark", "bar");
        ObjectNode enc = root.putObject("encoding");
        field(enc, "x", "category", "nominal", spec.xLabel()).put("sort", (String) null)
            .putObject("axis").put("labelAngle", spec.categories().size() > 4 ? -30 : 0);
        // Bars from zero (Vega-Lite's default for bars, said here so that no config turns it off).
        field(enc, "y", "value", "quantitative", spec.yLabel()).putObject("scale").put("zero", true);
        colourBySeries(enc, spec);
        if (spec.series().size() > 1) {
          field(enc, "xOffset", "series", "nominal", null);
        }
      }
      case LINE -> {
        root.putObject("mark").put("type", "line").put("point", spec.categories().size() <= 40);
        ObjectNode enc = root.putObject("encoding");
        field(enc, "x", "category", "temporal", spec.xLabel()).putObject("axis").put("format", "%b %d");
        // Like the PNG: the axis spans the values, so that day-to-day change is visible.
        field(enc, "y", "value", "quantitative", spec.yLabel()).putObject("scale").put("zero", false);
        colourBySeries(enc, spec);
      }
      case LIFT -> {
        // A forest plot: the interval as a rule, the change as a dot, coloured by verdict, around a zero line.
        root.putObject("height").put("step", 34);
        ArrayNode layers = root.putArray("layer");
        ObjectNode zero = layers.addObject();
        zero.putObject("data").putArray("values").addObject().put("zero", 0);
        zero.putObject("mark").put("type", "rule").put("color", "#333333")
            .set("strokeDash", JSON.createArrayNode().add(5).add(4));
        zero.putObject("encoding").putObject("x").put("field", "zero").put("type", "quantitative");
        ObjectNode interval = layers.addObject();
        interval.putObject("mark").put("type", "rule").put("strokeWidth", 2.4);
        ObjectNode ie = interval.putObject("encoding");
        field(ie, "y", "category", "nominal", null).put("sort", (String) null).putNull("title");
        field(ie, "x", "low", "quantitative", spec.yLabel());
        ie.putObject("x2").put("field", "high");
        verdictColour(ie);
        ObjectNode point = layers.addObject();
        point.putObject("mark").put("type", "point").put("filled", true).put("size", 90).put("opacity", 1);
        ObjectNode pe = point.putObject("encoding");
        field(pe, "y", "category", "nominal", null).put("sort", (String) null).putNull("title");
        field(pe, "x", "value", "quantitative", spec.yLabel());
        verdictColour(pe);
      }
      case VALUE -> {
        ArrayNode layers = root.putArray("layer");
        ObjectNode number = layers.addObject();
        number.putObject("mark").put("type", "text").put("fontSize", 56).put("fontWeight", "bold")
            .put("color", ChartPalette.SERIES.get(0)).put("align", "left").put("x", 0).put("y", 40);
        number.putObject("encoding").putObject("text").put("field", "value").put("type", "quantitative")
            .put("format", ",.4~r");
        ObjectNode caption = layers.addObject();
        caption.putObject("mark").put("type", "text").put("fontSize", 15).put("color", "#666666").put("align", "left")
            .put("x", 2).put("y", 90);
        caption.putObject("encoding").putObject("text").put("value", spec.yLabel() + " on " + spec.categories().get(0));
        root.put("height", 110);
        root.putObject("title").put("text", spec.title()).put("anchor", "start");
      }
      case TABLE -> throw new IllegalStateException("unreachable: tables return early");
    }
    return Optional.of(root);
  }

  private static ArrayNode values(ChartSpec spec) {
    ArrayNode values = JSON.createArrayNode();
    for (ChartSpec.Series s : spec.series()) {
      for (int i = 0; i < spec.categories().size(); i++) {
        ObjectNode v = values.addObject();
        v.put("category", spec.categories().get(i));
        v.put("series", s.name());
        v.put("value", s.values().get(i));
        if (spec.kind() == ChartSpec.Kind.LIFT) {
          v.put("low", s.values().get(i) - spec.intervals().get(i));
          v.put("high", s.values().get(i) + spec.intervals().get(i));
          v.put("verdict", ChartPalette.verdict(s.values().get(i), spec.intervals().get(i)));
        }
      }
    }
    return values;
  }

  private static ObjectNode field(ObjectNode encoding, String channel, String field, String type, String title) {
    ObjectNode f = encoding.putObject(channel).put("field", field).put("type", type);
    if (title != null) {
      f.put("title", title);
    }
    return f;
  }

  /** One colour per series, the same as in the PNG: the palette in series order. */
  private static void colourBySeries(ObjectNode encoding, ChartSpec spec) {
    ObjectNode colour = field(encoding, "color", "series", "nominal", null);
    ArrayNode domain = colour.putObject("scale").putArray("domain");
    ArrayNode range = ((ObjectNode) colour.get("scale")).putArray("range");
    for (int i = 0; i < spec.series().size(); i++) {
      domain.add(spec.series().get(i).name());
      range.add(ChartPalette.SERIES.get(i % ChartPalette.SERIES.size()));
    }
    if (spec.series().size() == 1) {
      colour.putNull("legend");
    }
  }

  private static void verdictColour(ObjectNode encoding) {
    ObjectNode colour = field(encoding, "color", "verdict", "nominal", "result");
    ObjectNode scale = colour.putObject("scale");
    ChartPalette.VERDICTS.forEach(scale.putArray("domain")::add);
    ChartPalette.VERDICT_COLOURS.forEach(scale.putArray("range")::add);
    colour.putObject("legend").put("orient", "bottom");
  }
}
