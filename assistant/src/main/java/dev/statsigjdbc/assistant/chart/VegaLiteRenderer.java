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
        field(enc, "x", "category", "nominal", spec.xLabel());
        field(enc, "y", "value", "quantitative", spec.yLabel());
        if (spec.series().size() > 1) {
          field(enc, "color", "series", "nominal", null);
          field(enc, "xOffset", "series", "nominal", null);
        }
      }
      case LINE -> {
        root.putObject("mark").put("type", "line").put("point", true);
        ObjectNode enc = root.putObject("encoding");
        field(enc, "x", "category", "temporal", spec.xLabel());
        field(enc, "y", "value", "quantitative", spec.yLabel());
      }
      case LIFT -> {
        // An interval rule from low to high with the change as a point, and a zero line for reference.
        ArrayNode layers = root.putArray("layer");
        ObjectNode interval = layers.addObject();
        interval.put("mark", "rule");
        ObjectNode ie = interval.putObject("encoding");
        field(ie, "y", "category", "nominal", spec.xLabel());
        field(ie, "x", "low", "quantitative", spec.yLabel());
        ie.putObject("x2").put("field", "high");
        ObjectNode point = layers.addObject();
        point.putObject("mark").put("type", "point").put("filled", true);
        ObjectNode pe = point.putObject("encoding");
        field(pe, "y", "category", "nominal", spec.xLabel());
        field(pe, "x", "value", "quantitative", spec.yLabel());
        ObjectNode zero = layers.addObject();
        zero.putObject("data").putArray("values").addObject().put("zero", 0);
        zero.putObject("mark").put("type", "rule").put("strokeDash", JSON.createArrayNode().add(4).add(4));
        zero.putObject("encoding").putObject("x").put("field", "zero").put("type", "quantitative");
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
        }
      }
    }
    return values;
  }

  private static void field(ObjectNode encoding, String channel, String field, String type, String title) {
    ObjectNode f = encoding.putObject(channel).put("field", field).put("type", type);
    if (title != null) {
      f.put("title", title);
    }
  }
}
