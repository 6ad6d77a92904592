package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Vocabulary.MetricSpec;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Daily metric values (MetricValueDto) as a pure function of (seed, metric, day), for the last
 * {@value #DAYS} days before today: daily active users grow slowly with a weekend dip, and each
 * metric is its per-user mean over them with a little daily noise.
 */
public final class MetricValueModel {
  public static final int DAYS = 180;
  private static final double BASE_DAU = 52_000;

  private final long seed;
  private final Calendar calendar;
  private final List<MetricSpec> metrics;

  MetricValueModel(long seed, Calendar calendar, List<MetricSpec> metrics) {
    this.seed = seed;
    this.calendar = calendar;
    this.metrics = List.copyOf(metrics);
  }

  public LocalDate firstDay() {
    return calendar.today().minusDays(DAYS);
  }

  public LocalDate lastDay() {
    return calendar.today().minusDays(1);
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
  }

  public List<MetricSpec> metrics() {
    return metrics;
  }

  public Optional<MetricSpec> metric(String metricId) {
    return metrics.stream().filter(m -> m.id().equals(metricId)).findFirst();
  }

  /** The metric's value on a day inside {@link #covers}. */
  public ObjectNode value(MetricSpec metric, LocalDate day) {
    double dau = dailyActiveUsers(day);
    SplittableRandom r = Seeds.random(seed, "metricValue", metric.id(), day);
    double perUser = metric.mean() * (1 + Stats.gaussian(r, 3) * 0.025);
    ObjectNode v = Json.object();
    switch (metric.type()) {
      case "ratio", "funnel" -> {
        long denominator = Math.round(dau);
        long numerator = Math.round(denominator * Math.min(1, perUser));
        v.put("value", Stats.round(numerator / (double) denominator, 6)).put("unitType", "userID")
            .put("numerator", numerator).put("denominator", denominator);
      }
      case "mean" -> {
        long denominator = Math.round(dau);
        double numerator = Stats.round(perUser * denominator, 2);
        v.put("value", Stats.round(numerator / denominator, 6)).put("unitType", "userID")
            .put("numerator", numerator).put("denominator", denominator);
      }
      case "sum" -> v.put("value", Stats.round(perUser * dau, 2)).put("unitType", "userID")
          .putNull("numerator").putNull("denominator");
      default -> v.put("value", metric.isRate() ? Math.round(Math.min(1, perUser) * dau) : Math.round(perUser * dau))
          .put("unitType", "userID").putNull("numerator").putNull("denominator");
    }
    v.put("inputRows", Math.round(dau * (6 + r.nextDouble() * 2)));
    v.put("metricName", metric.name());
    v.put("metricType", metric.type());
    return v;
  }

  private double dailyActiveUsers(LocalDate day) {
    long age = day.toEpochDay() - firstDay().toEpochDay();
    DayOfWeek dow = day.getDayOfWeek();
    double weekly = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.86 : 1.0;
    double noise = 1 + Stats.gaussian(Seeds.random(seed, "dau", day), 3) * 0.015;
    return BASE_DAU * (1 + 0.0012 * age) * weekly * noise;
  }
}
