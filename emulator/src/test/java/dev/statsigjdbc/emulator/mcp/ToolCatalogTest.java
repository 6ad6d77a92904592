package dev.statsigjdbc.emulator.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.api.ApiQuirks;
import dev.statsigjdbc.emulator.api.InMemoryConsoleApi;
import dev.statsigjdbc.emulator.data.DatasetGenerator;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ToolCatalog CATALOG = ToolCatalog.load(MAPPER);

  @Test
  void knownV1NamesAreExactAndUnique() {
    List<String> names = CATALOG.all().stream().map(ToolDefinition::name).toList();
    assertThat(names).doesNotHaveDuplicates().contains("Get_List_of_Experiments", "Get_Experiment_Details_by_ID",
        "Get_Experiment_Overall_Results", "Get_Gate_Results", "Get_Dynamic_Config_Version_History",
        "Get_Layer_Experiments", "Get_Metric_Definition_by_ID", "Get_List_of_Param_Stores", "Create_autotune",
        "Invoke_Tool");
  }

  @Test
  void publishedSetFollowsTheSwitches() {
    List<String> plain = names(CATALOG.published(EmulatorConfig.defaults()));
    List<String> all = names(CATALOG.published(EmulatorConfig.defaults().extraTools(true).renamedTools(true)));
    assertThat(plain).doesNotContain("Get_Exposure_Count", "Get_Experiment_Results", "Get_Segment_by_ID");
    assertThat(all).containsAll(plain).contains("Get_Exposure_Count", "Get_Experiment_Results", "Get_Segment_by_ID");
    assertThat(all).hasSameSizeAs(CATALOG.all());
  }

  @Test
  void everyOperationToolHasADescriptionAndRequiredPathParams() {
    for (ToolDefinition tool : CATALOG.all()) {
      assertThat(tool.description()).as(tool.name()).isNotBlank();
      if (!tool.invoke()) {
        long placeholders = tool.pathTemplate().chars().filter(c -> c == '{').count();
        assertThat(tool.parameters().stream().filter(p -> p.inPath() && p.required()).count())
            .as(tool.name()).isEqualTo(placeholders);
        assertThat(tool.write()).as(tool.name()).isEqualTo(!tool.method().equals("GET"));
      }
    }
  }

  @Test
  void everyToolOperationIsModelledByTheInMemoryConsoleApi() {
    Set<String> modelled = new InMemoryConsoleApi(
        DatasetGenerator.generate(DatasetProfile.DEMO, 1L, LocalDate.of(2026, 1, 15)), ApiQuirks.specExamples())
        .operations();
    assertThat(CATALOG.all().stream().filter(t -> !t.invoke()).map(ToolDefinition::operation))
        .allSatisfy(operation -> assertThat(modelled).contains(operation));
  }

  @Test
  void everyToolOperationExistsInTheSpecWithThatSummary() throws Exception {
    Optional<Path> spec = findSpec();
    assumeTrue(spec.isPresent(), "shared/statsig/console-api-openapi.json not found above the working directory");
    JsonNode paths = MAPPER.readTree(spec.get().toFile()).path("paths");
    for (ToolDefinition tool : CATALOG.all()) {
      if (tool.invoke() || tool.pathTemplate().startsWith("/emulator/")) {
        continue;
      }
      JsonNode operation = paths.path(tool.pathTemplate()).path(tool.method().toLowerCase(Locale.ROOT));
      assertThat(operation.isObject()).as(tool.name() + " -> " + tool.operation()).isTrue();
      assertThat(tool.description()).as(tool.name()).startsWith(operation.path("summary").asText());
    }
  }

  /** The spec sits in ../shared from the repo root; Maven runs tests in the module directory. */
  private static Optional<Path> findSpec() {
    return Stream.iterate(Path.of("").toAbsolutePath(), p -> p != null, Path::getParent)
        .map(dir -> dir.resolve("../shared/statsig/console-api-openapi.json").normalize())
        .filter(Files::isRegularFile)
        .findFirst();
  }

  private static List<String> names(List<ToolDefinition> tools) {
    return tools.stream().map(ToolDefinition::name).toList();
  }
}
