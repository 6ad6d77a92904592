package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.EntityStore;
import dev.statsigjdbc.emulator.data.EventLog;
import dev.statsigjdbc.emulator.data.Json;
import java.util.List;
import java.util.function.ToLongFunction;

/** Company info, raw events, exposure counts and the audit log. */
final class ActivityRoutes {
  /** The spec's maxItems for each id list of /exposure_count. */
  static final int MAX_EXPOSURE_IDS = 25;

  private final ApiContext ctx;

  ActivityRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void register(Router r) {
    r.read("GET /console/v1/company", (q, c) -> Envelopes.single("Company read successfully.", ctx.dataset().company()));
    r.read("GET /console/v1/events", (q, c) -> {
      EventLog events = ctx.dataset().events();
      return ctx.paginator().page(q, "Event values listed successfully.", events.size(), events::get);
    });
    r.read("GET /console/v1/exposure_count", (q, c) -> exposureCount(q));
    r.read("GET /console/v1/audit_logs", (q, c) -> new AuditLogQuery(ctx.dataset().auditLog(), q).page(ctx.paginator()));
  }

  private ObjectNode exposureCount(Query q) {
    ObjectNode data = Json.object();
    var exposures = ctx.dataset().exposures();
    counts(q, data, "gates", ctx.dataset().gates(), "Gate", g -> exposures.dailyChecks("gate", g));
    counts(q, data, "experiments", ctx.dataset().experiments(), "Experiment", e -> -1);
    counts(q, data, "dynamicConfigs", ctx.dataset().dynamicConfigs(), "Dynamic config",
        d -> exposures.dailyChecks("config", d));
    return Envelopes.single("Exposure count fetched successfully.", data);
  }

  /** Fills one id list; {@code perDay} returns -1 for experiments, whose counts come from their exposure curve. */
  private void counts(Query q, ObjectNode data, String param, EntityStore store, String kind,
      ToLongFunction<ObjectNode> perDay) {
    List<String> ids = q.strings(param);
    if (ids.size() > MAX_EXPOSURE_IDS) {
      throw new ApiException(400, "At most " + MAX_EXPOSURE_IDS + " " + param + " per call, got " + ids.size()
          + "; split the ids into several calls.");
    }
    ArrayNode out = data.putArray(param);
    for (String id : ids) {
      ObjectNode entity = ctx.one(store, kind, id);
      long daily = perDay.applyAsLong(entity);
      long pastDay = daily >= 0 ? daily : ctx.dataset().exposures().recentExposures(entity, 1);
      long past7 = daily >= 0 ? daily * 7 : ctx.dataset().exposures().recentExposures(entity, 7);
      out.addObject().put("id", id).put("pastDay", pastDay).put("past7Days", past7);
    }
  }
}
