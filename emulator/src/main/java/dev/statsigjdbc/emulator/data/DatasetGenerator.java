package dev.statsigjdbc.emulator.data;

import java.time.LocalDate;
import java.util.Objects;

/** Builds a {@link Dataset}: the same profile, seed and day always give the same data. */
public final class DatasetGenerator {
  private DatasetGenerator() {}

  /** Sizes of a profile. */
  private record Sizes(int experiments, int gates, int auditLogEntries, int events) {
    static Sizes of(DatasetProfile profile) {
      return switch (profile) {
        case DEMO -> new Sizes(60, 120, 3_000, 2_000);
        case LARGE -> new Sizes(10_000, 5_000, 1_000_000, 100_000);
      };
    }
  }

  public static Dataset generate(DatasetProfile profile, long seed, LocalDate today) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(today, "today");
    Sizes sizes = Sizes.of(profile);
    Vocabulary vocabulary = Vocabulary.demo();
    Calendar calendar = new Calendar(today);
    Dataset d = new Dataset(profile, seed, calendar, vocabulary);

    CatalogGenerator catalog = new CatalogGenerator(seed, calendar, vocabulary);
    catalog.metrics(d.metrics());
    catalog.metricSources(d.metricSources());
    catalog.tags(d.tags());
    catalog.segments(d.segments());
    catalog.layers(d.layers());
    catalog.dynamicConfigs(d.dynamicConfigs());
    catalog.paramStores(d.paramStores());
    new ExperimentGenerator(seed, calendar, vocabulary).generate(sizes.experiments(), d.experiments());
    new GateGenerator(seed, calendar, vocabulary).generate(sizes.gates(), d.gates());

    long newest = Calendar.startOf(today) + 9 * 3_600_000L;
    d.attachLogs(
        new AuditLog(seed, newest, sizes.auditLogEntries(), d.experiments().ids(), d.gates().ids(), vocabulary.people()),
        new EventLog(seed, newest, sizes.events(), vocabulary.events()));
    return d;
  }
}
