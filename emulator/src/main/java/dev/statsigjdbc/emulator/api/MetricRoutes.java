package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.EntityStore;
import dev.statsigjdbc.emulator.data.MetricValueModel;
import dev.statsigjdbc.emulator.data.Vocabulary.MetricSpec;
import java.time.LocalDate;
import java.util.List;

/** Metric definitions, metric sources and daily metric values. */
final class MetricRoutes {
  private final ApiContext ctx;

  MetricRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void register(Router r) {
    EntityStore metrics = ctx.dataset().metrics();
    r.read("GET /console/v1/metrics/list", (q, c) -> {
      List<String> tags = q.strings("tags");
      boolean showHidden = q.bool("showHiddenMetrics").orElse(false);
      q.string("filters");
      return ctx.listPage(q, "Metrics listed successfully.", metrics,
          m -> (showHidden || !m.path("isHidden").asBoolean())
              && (tags.isEmpty() || tags.stream().anyMatch(t -> ExperimentFilter.contains(m.path("tags"), t))),
          true);
    });
    r.read("GET /console/v1/metrics/{id}", (q, c) -> Envelopes.single("Metric read successfully.",
        ctx.one(metrics, "Metric", q.path("id"))));
    r.read("GET /console/v1/metrics/{name}/{type}", (q, c) -> Envelopes.single("Metric read successfully.",
        ctx.one(metrics, "Metric", q.path("name") + "::" + q.path("type"))));
    r.read("GET /console/v1/metrics", (q, c) -> oneValue(q));
    r.read("GET /console/v1/metrics/values", (q, c) -> values(q));

    EntityStore sources = ctx.dataset().metricSources();
    r.read("GET /console/v1/metrics/metric_source/list", (q, c) -> ctx.listPage(q, "Metric sources listed successfully.",
        sources, s -> true, false));
    r.read("GET /console/v1/metrics/metric_source/{name}", (q, c) -> Envelopes.single("Metric source read successfully.",
        ctx.one(sources, "Metric source", q.path("name"))));
  }

  /** One metric on one day: {@code id=name::type}, {@code date=YYYY-MM-DD}. */
  private ObjectNode oneValue(Query q) {
    String id = q.requiredString("id");
    if (!id.contains("::")) {
      throw new ApiException(400, "Query parameter 'id' must be a metric id as name::type (e.g. activation::event_user), got '"
          + id + "'.");
    }
    LocalDate day = requiredDay(q);
    ctx.one(ctx.dataset().metrics(), "Metric", id);
    MetricValueModel model = ctx.dataset().metricValues();
    List<ObjectNode> rows = model.metric(id).filter(m -> model.covers(day)).map(m -> List.of(model.value(m, day)))
        .orElse(List.of());
    return ctx.paginator().page(q, "Metric read successfully.", rows);
  }

  /** Every metric's value on one day, optionally narrowed by name and type. */
  private ObjectNode values(Query q) {
    LocalDate day = requiredDay(q);
    String name = q.string("metricName").orElse(null);
    String type = q.string("metricType").orElse(null);
    MetricValueModel model = ctx.dataset().metricValues();
    List<MetricSpec> selected = model.covers(day) ? model.metrics().stream()
        .filter(m -> (name == null || name.equals(m.name())) && (type == null || type.equals(m.type()))).toList()
        : List.of();
    return ctx.paginator().page(q, "Metric values listed successfully.", selected.size(),
        i -> model.value(selected.get(i), day));
  }

  private LocalDate requiredDay(Query q) {
    q.requiredString("date");
    return q.date("date").orElseThrow();
  }
}
