package dev.statsigjdbc.superset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/**
 * The Python dialect quotes the words in {@code statsig_superset/reserved_words.txt}: exactly the
 * words Calcite's parser reserves (the parser the driver uses), so an alias such as {@code count}
 * or {@code value} never reaches Calcite unquoted, and nothing else is quoted needlessly.
 */
class ReservedWordsTest {
  static final Path WORDS = Path.of("statsig_superset", "reserved_words.txt");

  @Test
  void thePluginsListIsCalcitesReservedWords() throws IOException {
    SqlAbstractParserImpl.Metadata parser = SqlParser.create("").getMetadata();
    Set<String> calcite = parser.getTokens().stream()
        .filter(token -> token.matches("[A-Z_][A-Z0-9_]*") && parser.isReservedWord(token))
        .map(String::toLowerCase)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> plugin = Files.readAllLines(WORDS).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(calcite).contains("count", "year", "value", "date", "timestamp");
    assertThat(plugin).as("%s after a Calcite upgrade: replace its word lines with these:%n%s", WORDS,
        String.join("\n", calcite)).isEqualTo(calcite);
  }
}
