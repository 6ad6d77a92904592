package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything the emulated Console API serves: mutable entity stores (so writes have real effects)
 * and models that compute the bulky data (pulse results, exposures, metric values, audit history,
 * events) on request from the seed. Not thread-safe: the API serialises writes against reads.
 */
public final class Dataset {
  private final DatasetProfile profile;
  private final long seed;
  private final Calendar calendar;
  private final Vocabulary vocabulary;
  private final JsonNode company;
  private final EntityStore experiments = new EntityStore();
  private final EntityStore gates = new EntityStore();
  private final EntityStore dynamicConfigs = new EntityStore();
  private final EntityStore layers = new EntityStore();
  private final EntityStore segments = new EntityStore();
  private final EntityStore tags = new EntityStore();
  private final EntityStore metrics = new EntityStore();
  private final EntityStore metricSources = new EntityStore();
  private final EntityStore paramStores = new EntityStore();
  private final EntityStore autotunes = new EntityStore();
  private final ExposureModel exposures;
  private final PulseModel pulse;
  private final MetricValueModel metricValues;
  private AuditLog auditLog;
  private EventLog events;
  private long writes;

  Dataset(DatasetProfile profile, long seed, Calendar calendar, Vocabulary vocabulary) {
    this.profile = profile;
    this.seed = seed;
    this.calendar = calendar;
    this.vocabulary = vocabulary;
    this.company = vocabulary.company();
    this.exposures = new ExposureModel(seed, calendar, vocabulary);
    this.pulse = new PulseModel(seed, vocabulary, exposures, calendar);
    this.metricValues = new MetricValueModel(seed, calendar, vocabulary.metrics());
  }

  void attachLogs(AuditLog auditLog, EventLog events) {
    this.auditLog = auditLog;
    this.events = events;
  }

  public DatasetProfile profile() { return profile; }
  public long seed() { return seed; }
  public Calendar calendar() { return calendar; }
  public Vocabulary vocabulary() { return vocabulary; }
  public EntityStore experiments() { return experiments; }
  public EntityStore gates() { return gates; }
  public EntityStore dynamicConfigs() { return dynamicConfigs; }
  public EntityStore layers() { return layers; }
  public EntityStore segments() { return segments; }
  public EntityStore tags() { return tags; }
  public EntityStore metrics() { return metrics; }
  public EntityStore metricSources() { return metricSources; }
  public EntityStore paramStores() { return paramStores; }
  public EntityStore autotunes() { return autotunes; }
  public ExposureModel exposures() { return exposures; }
  public PulseModel pulse() { return pulse; }
  public MetricValueModel metricValues() { return metricValues; }
  public AuditLog auditLog() { return auditLog; }
  public EventLog events() { return events; }

  public ObjectNode company() {
    return company.deepCopy();
  }

  /**
   * Time stamp of the next write: a logical clock starting at noon UTC of "today" and ticking one
   * second per write, so that runs stay reproducible (the wall clock is never read).
   */
  public long nextWriteTime() {
    return Calendar.startOf(calendar.today()) + 12 * 3_600_000L + 1000L * writes++;
  }
}
