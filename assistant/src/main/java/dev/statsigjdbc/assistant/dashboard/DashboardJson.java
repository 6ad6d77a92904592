package dev.statsigjdbc.assistant.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.assistant.plan.Period;
import dev.statsigjdbc.assistant.plan.Slot;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A dashboard as the JSON file people may read and edit: dates and instants as ISO text. */
final class DashboardJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private DashboardJson() {}

  static ObjectNode write(Dashboard dashboard) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", dashboard.name());
    var pins = root.putArray("pins");
    for (Pin pin : dashboard.pins()) {
      ObjectNode p = pins.addObject();
      p.put("question", pin.question());
      p.put("sql", pin.sql());
      p.put("intent", pin.intent().name());
      ObjectNode slots = p.putObject("slots");
      pin.slots().forEach((slot, value) -> slots.put(slot.name(), value));
      if (pin.period() != null) {
        ObjectNode period = p.putObject("period").put("start", pin.period().start().toString())
            .put("end", pin.period().end().toString()).put("label", pin.period().label());
        if (pin.period().relative()) {
          period.put("phrase", pin.period().phrase());
        }
      }
      p.set("chart", JSON.valueToTree(pin.chart()));
      p.put("pinnedAt", pin.pinnedAt().toString());
      p.put("refreshedAt", pin.refreshedAt().toString());
    }
    return root;
  }

  static Dashboard read(JsonNode root) throws IOException {
    List<Pin> pins = new ArrayList<>();
    for (JsonNode p : root.path("pins")) {
      Map<Slot, String> slots = new EnumMap<>(Slot.class);
      p.path("slots").properties().forEach(e -> slots.put(Slot.valueOf(e.getKey()), e.getValue().asText()));
      JsonNode period = p.path("period");
      pins.add(new Pin(text(p, "question"), text(p, "sql"), Intent.valueOf(text(p, "intent")), slots,
          period.isObject() ? new Period(LocalDate.parse(text(period, "start")), LocalDate.parse(text(period, "end")),
              text(period, "label"), period.path("phrase").isTextual() ? period.path("phrase").asText() : null) : null,
          JSON.treeToValue(p.path("chart"), ChartSpec.class),
          Instant.parse(text(p, "pinnedAt")), Instant.parse(text(p, "refreshedAt"))));
    }
    return new Dashboard(text(root, "name"), pins);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("missing text field '" + field + "'");
    }
    return value.asText();
  }
}
