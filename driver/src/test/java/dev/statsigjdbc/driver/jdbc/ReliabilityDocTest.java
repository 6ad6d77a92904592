package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/reliability.md's fault matrix is generated from {@link FaultMatrixTest#CASES}, so it cannot drift. */
class ReliabilityDocTest {
  private static final Path DOC = Path.of("..", "docs", "reliability.md");
  private static final String START = "<!-- matrix:start (generated from FaultMatrixTest.CASES by ReliabilityDocTest) -->\n";
  private static final String END = "<!-- matrix:end -->";

  static String matrixTable() {
    StringBuilder table = new StringBuilder("| Fault | Phase | Behaviour | Test |\n| --- | --- | --- | --- |\n");
    for (FaultMatrixTest.Case c : FaultMatrixTest.CASES) {
      table.append("| ").append(c.fault()).append(c.auth() == FaultMatrixTest.Auth.OAUTH ? " (OAuth)" : "")
          .append(" | ").append(c.phase().description)
          .append(" | ").append(c.expected().describe().replace("|", "\\|"))
          .append(" | `FaultMatrixTest` \"").append(c).append("\" |\n");
    }
    return table.toString();
  }

  @Test
  void theMatrixInTheDocListsEveryCase() throws Exception {
    String doc = Files.readString(DOC);
    int start = doc.indexOf(START);
    int end = doc.indexOf(END);
    assertThat(start).as("%s has the matrix markers", DOC).isNotNegative();
    String expected = doc.substring(0, start + START.length()) + matrixTable() + doc.substring(end);
    if (Boolean.getBoolean("statsig.updateDocs")) {
      Files.writeString(DOC, expected);
    }

    assertThat(doc).as("docs/reliability.md is out of date: run ReliabilityDocTest with -Dstatsig.updateDocs=true")
        .isEqualTo(expected);
  }
}
