package dev.statsigjdbc.sparkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spark's JDBC data source in local mode over the shaded driver jar (on the test class path,
 * next to Spark's own Jackson, Guava and protobuf), against the emulator: a partitioned read
 * returns exactly the rows of a plain one, and each partition's WHERE clause is applied by the driver.
 */
class SparkJdbcReadIT {
  private static final String DRIVER = "dev.statsigjdbc.driver.jdbc.StatsigDriver";
  private static final int PARTITIONS = 4;

  private static EmulatorProcess emulator;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    emulator = EmulatorProcess.start();
    spark = SparkSession.builder().appName("statsig-jdbc-spark-it").master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  @AfterAll
  static void stop() throws Exception {
    if (spark != null) {
      spark.stop();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @BeforeEach
  void resetCounts() throws Exception {
    emulator.resetStats();
  }

  @Test
  void theDriverJarIsTheShadedOneAndSparkKeepsItsOwnJackson() throws Exception {
    Class<?> driver = Class.forName(DRIVER);

    assertThat(driver.getProtectionDomain().getCodeSource().getLocation().getPath())
        .endsWith(System.getProperty("statsig.driverJar").replaceAll(".*/", ""));
    assertThat(com.fasterxml.jackson.databind.ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation()
        .getPath()).contains("jackson-databind").doesNotContain("statsig");
  }

  @Test
  void aReadPartitionedOnANumericColumnReturnsExactlyTheRowsOfAPlainRead() throws Exception {
    Dataset<Row> plain = jdbc().option("dbtable", "experiments").load();
    long[] bounds = bounds(plain, "duration");

    assertAPartitionedReadEqualsThePlainRead("experiments", plain, "duration", String.valueOf(bounds[0]),
        String.valueOf(bounds[1] + 1));
  }

  @Test
  void aReadPartitionedOnADateColumnOfASubqueryWithARequiredFilterReturnsTheSameRows() throws Exception {
    String table = "(SELECT experiment_id, group_id, ds, exposures FROM experiment_exposures"
        + " WHERE experiment_id = 'checkout_v2') AS x";
    Dataset<Row> plain = jdbc().option("dbtable", table).load();
    Row range = plain.selectExpr("min(ds)", "max(ds)").first();

    assertAPartitionedReadEqualsThePlainRead(table, plain, "ds", range.getDate(0).toString(),
        range.getDate(1).toLocalDate().plusDays(1).toString());
  }

  /**
   * Spark pushes the filter down as {@code WHERE ("status" IS NOT NULL) AND ("status" = 'active')}
   * (quoted identifiers) and, marking it {@code *} (fully pushed), does not filter the rows again:
   * the driver's answer is the result.
   */
  @Test
  void aFilterSparkPushesDownReturnsTheRowsSparkWouldKeep() throws Exception {
    List<String> expected = jdbc().option("dbtable", "experiments").load().collectAsList().stream()
        .filter(r -> "active".equals(r.getAs("status"))).map(r -> r.getAs("id") + "/" + r.getAs("status")).toList();

    Dataset<Row> pushed = jdbc().option("dbtable", "experiments").load().filter("status = 'active'").select("id", "status");

    assertThat(pushed.queryExecution().executedPlan().toString())
        .contains("PushedFilters: [*IsNotNull(status), *EqualTo(status,active)]");
    assertThat(expected).isNotEmpty();
    assertThat(pushed.collectAsList()).extracting(r -> r.getString(0) + "/" + r.getString(1))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Spark hands options it does not know itself to the driver as connection properties: the key stays out of the URL. */
  private static DataFrameReader jdbc() {
    return spark.read().format("jdbc").option("driver", DRIVER).option("url", emulator.jdbcUrl())
        .option("apiKey", EmulatorProcess.API_KEY);
  }

  /** {@code table} read in {@value #PARTITIONS} partitions over {@code column} in [lower, upper): exactly {@code plain}'s rows. */
  private static void assertAPartitionedReadEqualsThePlainRead(String table, Dataset<Row> plain, String column,
      String lower, String upper) throws Exception {
    List<String> plainRows = asText(plain);
    Dataset<Row> partitioned = jdbc().option("dbtable", table)
        .option("partitionColumn", column)
        .option("lowerBound", lower)
        .option("upperBound", upper)
        .option("numPartitions", PARTITIONS)
        .load();

    assertThat(plainRows).hasSizeGreaterThan(PARTITIONS);
    assertThat(asText(partitioned)).containsExactlyInAnyOrderElementsOf(plainRows);
    assertPartitionsSplitTheRows(partitioned, plainRows.size());
  }

  /**
   * Spark never filters a JDBC partition's rows itself: rows split over several non-empty
   * partitions (summing to the whole) prove each partition's WHERE clause reached the driver;
   * each partition opens its own connection, so each lists the table from the server again.
   */
  private static void assertPartitionsSplitTheRows(Dataset<Row> partitioned, int total) throws Exception {
    emulator.resetStats();
    List<Long> sizes = partitioned.mapPartitions((MapPartitionsFunction<Row, Long>) rows -> {
      long n = 0;
      for (Iterator<Row> it = rows; it.hasNext(); it.next()) {
        n++;
      }
      return List.of(n).iterator();
    }, Encoders.LONG()).collectAsList();

    assertThat(sizes).hasSize(PARTITIONS);
    assertThat(sizes.stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    assertThat(sizes.stream().filter(n -> n > 0).count()).as("non-empty partitions of %s", sizes).isGreaterThan(1);
    assertThat(sizes).allSatisfy(n -> assertThat(n).isLessThan(total));
    assertThat(totalCalls(emulator.stats())).as(emulator.stats()).isGreaterThanOrEqualTo(PARTITIONS);
  }

  private static long[] bounds(Dataset<Row> rows, String column) {
    Row range = rows.selectExpr("min(" + column + ")", "max(" + column + ")").first();
    return new long[] {range.getLong(0), range.getLong(1)};
  }

  private static List<String> asText(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).toList();
  }

  private static long totalCalls(String statsJson) {
    Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(statsJson);
    assertThat(total.find()).as(statsJson).isTrue();
    return Long.parseLong(total.group(1));
  }
}
