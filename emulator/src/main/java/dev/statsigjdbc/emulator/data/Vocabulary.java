package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The names, people, metrics and experiment ideas of the demo org, read from
 * {@code demo-vocabulary.json}: the data is declared there, the generators only combine it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Vocabulary(
    JsonNode company,
    List<Person> people,
    List<MetricSpec> metrics,
    List<ExperimentSpec> experiments,
    List<GateArea> gateAreas,
    List<LayerSpec> layers,
    List<TagSpec> tags,
    List<SegmentSpec> segments,
    List<ConfigSpec> dynamicConfigs,
    List<MetricSourceSpec> metricSources,
    List<ParamStoreSpec> paramStores,
    List<String> events) {

  private static final Vocabulary DEMO = load("demo-vocabulary.json");

  public static Vocabulary demo() {
    return DEMO;
  }

  static Vocabulary load(String resource) {
    try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " next to " + Vocabulary.class.getName());
      }
      return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, Vocabulary.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  public MetricSpec metric(String metricId) {
    return metrics.stream().filter(m -> m.id().equals(metricId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no metric " + metricId + " in the vocabulary"));
  }

  public record Person(String name, String email, String team) {}

  /**
   * A metric definition. {@code kind} "rate" means a per-unit 0/1 outcome with mean {@code mean};
   * "amount" a per-unit quantity with mean {@code mean} and coefficient of variation {@code cv}.
   */
  public record MetricSpec(String name, String type, String kind, double mean, double cv, String directionality,
      String event, String description, List<String> tags) {
    public String id() {
      return name + "::" + type;
    }

    public boolean isRate() {
      return "rate".equals(kind);
    }

    /** Per-unit standard deviation. */
    public double std() {
      return isRate() ? Math.sqrt(mean * (1 - mean)) : cv * mean;
    }
  }

  /**
   * An experiment idea. Optional fields pin the story the demo must tell: {@code status},
   * {@code decidedQuartersAgo}, the shipped group index {@code ship}, units per group and true
   * relative effects per metric id.
   */
  public record ExperimentSpec(String id, String team, String title, String change, List<String> groups,
      List<String> primary, List<String> secondary, String status, Integer decidedQuartersAgo, Integer ship,
      Integer units, Map<String, Double> effects) {}

  public record GateArea(String prefix, String team, List<String> features) {}

  public record LayerSpec(String id, String team, String description, List<String> parameters) {}

  public record TagSpec(String name, String description) {}

  public record SegmentSpec(String id, String type, String description) {}

  public record ConfigSpec(String id, String description, JsonNode defaultValue) {}

  public record MetricSourceSpec(String name, String description, String table, String timestamp) {}

  public record ParamStoreSpec(String name, String description, Map<String, Object> parameters) {}
}
