package dev.statsigjdbc.adapter.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The curated tables, read from the declarative resource {@code statsig-tables.json}. */
public final class TableCatalog {

  private static final String RESOURCE = "statsig-tables.json";

  private record Document(List<TableSpec> tables) {}

  private final List<TableSpec> tables;

  private TableCatalog(List<TableSpec> tables) {
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

  /** Reads and checks a catalog document ({@code {"tables":[...]}}). */
  static TableCatalog read(InputStream in) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    List<TableSpec> tables = mapper.readValue(in, Document.class).tables();
    List<String> problems = CatalogValidator.problems(tables);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid table catalog: " + String.join("; ", problems));
    }
    return new TableCatalog(tables);
  }

  public List<TableSpec> tables() {
    return tables;
  }
}
