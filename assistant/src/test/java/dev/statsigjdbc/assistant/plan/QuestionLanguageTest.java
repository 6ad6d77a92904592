package dev.statsigjdbc.assistant.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The question language is checked against the driver's table catalog, so a renamed column fails at start. */
class QuestionLanguageTest {

  @Test
  void everyDeclaredColumnIsInTheCatalog() {
    assertThatCode(QuestionLanguage::checkAgainstCatalog).doesNotThrowAnyException();
  }

  @Test
  void aColumnTheCatalogLacksIsNamed() throws Exception {
    Map<String, Set<String>> catalog;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(QuestionLanguage.CATALOG)) {
      catalog = QuestionLanguage.columnsOf(new ObjectMapper().readTree(in));
    }
    Set<String> experiments = new HashSet<>(catalog.get("experiments"));
    experiments.remove("team");
    catalog.put("experiments", experiments);
    catalog.remove("audit_logs");

    assertThat(QuestionLanguage.missing(catalog)).contains("experiments.team", "audit_logs.name")
        .doesNotContain("gates.team");
  }

  @Test
  void exposuresAreRunningTotals() {
    assertThat(QuestionLanguage.measure("experiment_exposures", "exposures").aggregation())
        .isEqualTo(QuestionLanguage.Aggregation.CUMULATIVE);
  }
}
