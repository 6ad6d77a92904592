package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Calendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The experiment list filters of the spec (status, idType, layerID, teamID, creator, tags, creation dates). */
final class ExperimentFilter {
  static final Set<String> STATUSES = Set.of("active", "setup", "decision_made", "abandoned", "archived",
      "experiment_stopped", "assignment_stopped");

  private ExperimentFilter() {}

  /** The filter the query asks for; {@code Optional.empty()} when it asks for none. */
  static Optional<Predicate<ObjectNode>> from(Query q) {
    List<Predicate<ObjectNode>> parts = new ArrayList<>();
    List<String> statuses = q.strings("status");
    for (String s : statuses) {
      if (!STATUSES.contains(s)) {
        throw new ApiException(400, "Unknown experiment status '" + s + "'; use one of " + String.join(", ",
            STATUSES.stream().sorted().toList()) + ".");
      }
    }
    if (!statuses.isEmpty()) {
      parts.add(e -> statuses.contains(e.path("status").asText()));
    }
    for (String field : new String[] {"idType", "layerID", "teamID", "creatorName", "creatorID"}) {
      q.string(field).ifPresent(v -> parts.add(e -> v.equals(e.path(field).asText())));
    }
    q.string("targetAppID").ifPresent(v -> parts.add(e -> contains(e.path("targetApps"), v)));
    List<String> tags = q.strings("tags");
    if (!tags.isEmpty()) {
      parts.add(e -> tags.stream().anyMatch(t -> contains(e.path("tags"), t)));
    }
    Optional<LocalDate> from = q.date("createdStartDate");
    Optional<LocalDate> to = q.date("createdEndDate");
    from.ifPresent(d -> parts.add(e -> !Calendar.dayOf(e.path("createdTime").asLong()).isBefore(d)));
    to.ifPresent(d -> parts.add(e -> !Calendar.dayOf(e.path("createdTime").asLong()).isAfter(d)));
    return parts.stream().reduce(Predicate::and);
  }

  static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.asText())) {
        return true;
      }
    }
    return false;
  }
}
