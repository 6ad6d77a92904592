package dev.statsigjdbc.adapter.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curated tables and the Console API operations they read, from the declarative resource
 * {@code statsig-tables.json}.
 */
public final class TableCatalog {

  private static final String RESOURCE = "statsig-tables.json";

  private record OperationInfo(String summary) {}

  private record Document(Map<String, OperationInfo> operations, List<TableSpec> tables) {}

  private final Map<String, Operation> operations;
  private final List<TableSpec> tables;

  private TableCatalog(Map<String, Operation> operations, List<TableSpec> tables) {
    this.operations = Map.copyOf(operations);
    this.tables = List.copyOf(tables);
  }

  /** The catalog shipped in the adapter jar. */
  public static TableCatalog load() {
    try (InputStream in = TableCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the adapter jar");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /** Reads and checks a catalog document ({@code {"operations":{...},"tables":[...]}}). */
  static TableCatalog read(InputStream in) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    Document document = mapper.readValue(in, Document.class);
    Map<String, Operation> operations = new LinkedHashMap<>();
    if (document.operations() != null) {
      document.operations().forEach((key, info) -> operations.put(key, Operation.parse(key, info.summary())));
    }
    List<String> problems = CatalogValidator.problems(operations, document.tables());
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid table catalog: " + String.join("; ", problems));
    }
    return new TableCatalog(operations, document.tables());
  }

  public List<TableSpec> tables() {
    return tables;
  }

  /** Every operation the tables read. */
  public List<Operation> operations() {
    return List.copyOf(operations.values());
  }

  /** The operation a call reads (the catalog was checked to declare it). */
  public Operation operation(CallSpec call) {
    return operations.get(call.operation());
  }
}
