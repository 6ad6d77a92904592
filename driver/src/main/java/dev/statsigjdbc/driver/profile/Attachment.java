package dev.statsigjdbc.driver.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A database of the user's own that a data source attaches next to {@code statsig}, as the
 * {@code attach.<name>.*} connection properties would. Its password, if any, is kept in the
 * credential vault, never here.
 *
 * @param url its JDBC URL (put no password in it: the profile file is owner-only but not encrypted)
 * @param user null when not needed
 * @param schema the schema in that database to show; null for the connection's current one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(String url, String user, String schema) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** Schema names the driver itself uses. */
  private static final List<String> RESERVED = List.of("statsig", "metadata");

  public Attachment {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("An attached database needs its JDBC URL, e.g. jdbc:postgresql://host:5432/database");
    }
  }

  /** The schema name a database attached as {@code name} gets (lower case); an error when the name cannot be one. */
  public static String schemaName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' cannot name an attached database: use a letter or _ followed by"
          + " letters, digits or _ (it becomes the schema name in SQL)");
    }
    String schemaName = name.toLowerCase(Locale.ROOT);
    if (RESERVED.contains(schemaName)) {
      throw new IllegalArgumentException("Cannot attach a database as '" + name + "': the driver uses that schema name;"
          + " choose another name");
    }
    return schemaName;
  }
}
