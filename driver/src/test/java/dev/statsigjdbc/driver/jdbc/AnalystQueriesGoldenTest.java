package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Typical analyst queries against the emulator's deterministic demo data (fixed seed and day),
 * compared with {@code golden/analyst-queries.golden}. Run with {@code -Dstatsig.updateGolden=true}
 * to rewrite the golden file after an intended change, and review the diff.
 */
class AnalystQueriesGoldenTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();

  @Test
  void analystQueriesGiveTheGoldenAnswers() throws Exception {
    List<String> queries = Arrays.stream(Files.readString(DIR.resolve("analyst-queries.sql")).split(";\\s*\\n"))
        .map(String::strip).filter(q -> !q.isEmpty()).toList();
    StringBuilder actual = new StringBuilder();
    try (Connection connection = emulator.connect(); Statement statement = connection.createStatement()) {
      for (String query : queries) {
        actual.append(query).append(";\n");
        try (ResultSet rs = statement.executeQuery(query)) {
          appendCsv(rs, actual);
        }
        actual.append('\n');
      }
    }
    Path golden = DIR.resolve("analyst-queries.golden");
    if (Boolean.getBoolean("statsig.updateGolden")) {
      Files.writeString(golden, actual);
    }

    assertThat(actual.toString()).isEqualTo(Files.readString(golden));
  }

  private static void appendCsv(ResultSet rs, StringBuilder out) throws Exception {
    ResultSetMetaData meta = rs.getMetaData();
    int rows = 0;
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      out.append(i > 1 ? "," : "").append(meta.getColumnLabel(i));
    }
    out.append('\n');
    while (rs.next()) {
      rows++;
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        out.append(i > 1 ? "," : "").append(rs.getString(i));
      }
      out.append('\n');
    }
    assertThat(rows).as("rows of%n%s", out).isPositive();
  }
}
