package dev.statsigjdbc.adapter.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The curated tables, read from the declarative resource {@code statsig-tables.json}. */
public final class TableCatalog {

  private static final String RESOURCE = "statsig-tables.json";

  private record Document(List<TableSpec> tables) {}

  private final Map<String, TableSpec> tables = new LinkedHashMap<>();

  private TableCatalog(List<TableSpec> specs) {
    for (TableSpec spec : specs) {
      tables.put(spec.name().toLowerCase(Locale.ROOT), spec);
    }
  }

  public static TableCatalog load() {
    ObjectMapper mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = TableCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the adapter jar");
      }
      return new TableCatalog(mapper.readValue(in, Document.class).tables());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  public List<TableSpec> tables() {
    return List.copyOf(tables.values());
  }

  public Optional<TableSpec> table(String name) {
    return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
  }
}
