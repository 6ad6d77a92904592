package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/jdbc.md carries the property table generated from {@link StatsigProperty}. Run with
 * {@code -Dstatsig.updateDocs=true} to rewrite the table after changing the enum.
 */
class JdbcDocTest {
  private static final Path DOC = Path.of("..", "docs", "jdbc.md");
  private static final String START = "<!-- properties:start (generated from StatsigProperty by JdbcDocTest) -->\n";
  private static final String END = "<!-- properties:end -->";

  static String propertyTable() {
    StringBuilder table = new StringBuilder("| Property | Default | Description |\n| --- | --- | --- |\n");
    for (StatsigProperty p : StatsigProperty.values()) {
      table.append("| `").append(p.key()).append("` | ")
          .append(p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`").append(" | ")
          .append(p.description().replace("|", "\\|")).append(" |\n");
    }
    return table.toString();
  }

  @Test
  void thePropertyTableMatchesTheEnum() throws Exception {
    String doc = Files.readString(DOC);
    int start = doc.indexOf(START);
    int end = doc.indexOf(END);
    assertThat(start).as("%s has the property table markers", DOC).isNotNegative();
    String expected = doc.substring(0, start + START.length()) + propertyTable() + doc.substring(end);
    if (Boolean.getBoolean("statsig.updateDocs")) {
      Files.writeString(DOC, expected);
    }

    assertThat(doc).as("docs/jdbc.md is out of date: run this test with -Dstatsig.updateDocs=true").isEqualTo(expected);
  }
}
