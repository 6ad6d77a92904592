package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.assistant.answer.ResultTable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python example of docs/serve.md, run as written (standard library only) against serve with JSON. */
class ServePythonDocTest {
  private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL);
  private static final String DOC_URL = "http://127.0.0.1:8765/";

  @TempDir Path work;

  @Test
  void theDocsPythonClientReadsTheRowsTheDirectConnectionReads() throws Exception {
    Optional<Path> python = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "python3")).filter(Files::isExecutable).findFirst();
    Assumptions.assumeTrue(python.isPresent(), "python3 is not installed: the Python example is not run");
    Path doc = Path.of(System.getProperty("statsig.repoRoot"), "docs", "serve.md");
    Matcher block = PYTHON_BLOCK.matcher(Files.readString(doc));
    assertThat(block.find()).as("a ```python block in %s", doc).isTrue();
    assertThat(block.group(1)).contains(DOC_URL);

    try (ServedDemo served = ServedDemo.start(Driver.Serialization.JSON, work.resolve("dashboards"))) {
      Path script = work.resolve("client.py");
      Files.writeString(script, block.group(1).replace(DOC_URL, served.server.url())
          + "print(json.dumps({\"columns\": columns, \"rows\": rows}))\n");
      Path log = work.resolve("python.out");
      Process process = new ProcessBuilder(python.get().toString(), script.toString()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      boolean finished = process.waitFor(90, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String output = Files.readString(log);
      assertThat(finished).as(output).isTrue();
      assertThat(process.exitValue()).as(output).isZero();

      JsonNode printed = new ObjectMapper().readTree(output);
      ResultTable expected = served.direct("SELECT id, status FROM experiments ORDER BY id");
      assertThat(printed.path("columns").toString()).isEqualTo("[\"id\",\"status\"]");
      List<List<Object>> rows = new ArrayList<>();
      printed.path("rows").forEach(row -> rows.add(List.of(row.get(0).asText(), row.get(1).asText())));
      assertThat(rows).isEqualTo(expected.rows());
    }
  }
}
