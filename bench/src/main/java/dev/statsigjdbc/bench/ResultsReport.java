package dev.statsigjdbc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The results table: printed, and written as {@code results.md} and {@code results.json}. */
final class ResultsReport {
  private final List<FigureResult> results;
  private final String machine;

  ResultsReport(List<FigureResult> results, String machine) {
    this.results = List.copyOf(results);
    this.machine = machine;
  }

  String table() {
    List<String> lines = new ArrayList<>();
    lines.add("| figure | target | measured | pass |");
    lines.add("|---|---|---|---|");
    for (FigureResult r : results) {
      lines.add("| " + r.figure() + " | " + r.target() + " | " + r.measured() + " | " + (r.pass() ? "PASS" : "FAIL") + " |");
    }
    return String.join("\n", lines);
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# Benchmark results\n\n").append(machine).append("\n\n").append(table()).append('\n');
    for (FigureResult r : results) {
      md.append("\n## ").append(r.figure()).append("\n\n");
      // Table rows stay as they are; other detail lines become a list.
      r.details().forEach(line -> md.append(line.startsWith("|") ? line : "- " + line).append('\n'));
    }
    return md.toString();
  }

  String json() throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("machine", machine);
    ArrayNode figures = root.putArray("figures");
    for (FigureResult r : results) {
      ObjectNode f = figures.addObject();
      f.put("figure", r.figure()).put("target", r.target()).put("measured", r.measured()).put("pass", r.pass());
      r.details().forEach(f.putArray("details")::add);
    }
    return mapper.writeValueAsString(root);
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.md"), markdown());
    Files.writeString(dir.resolve("results.json"), json());
  }
}
