package dev.statsigjdbc.driver.connect;

import dev.statsigjdbc.driver.vault.EncryptedValue;
import dev.statsigjdbc.driver.vault.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of the user's own to attach next to {@code statsig}, from the {@code attach.<name>.*}
 * connection properties. {@link #toString()} shows neither the URL (it may carry credentials) nor
 * the password.
 *
 * @param name the schema name it gets, lower case
 * @param url its JDBC URL
 * @param user null when not given
 * @param password null when not given
 * @param schema the schema in that database to show; null for the connection's current one
 */
public record AttachedDatabase(String name, String url, String user, Secret password, String schema) {
  private static final String PREFIX = "attach.";
  private static final Pattern KEY = Pattern.compile("attach\\.([A-Za-z_][A-Za-z0-9_]*)\\.(url|user|password|schema)");
  /** Schema names the driver itself uses. */
  private static final List<String> RESERVED = List.of("statsig", "metadata");

  /** Every database the properties attach, in name order; an error says which property to fix. */
  public static List<AttachedDatabase> all(Properties properties, Map<String, String> environment) {
    TreeSet<String> names = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      Matcher matcher = KEY.matcher(key);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("Connection property " + key + " is not understood: attach a database with "
            + StatsigProperty.ATTACH_URL.key() + " (and .user, .password, .schema), where <name> is a letter or _ followed"
            + " by letters, digits or _");
      }
      names.add(matcher.group(1));
    }
    List<AttachedDatabase> databases = new ArrayList<>();
    for (String name : names) {
      databases.add(of(name, properties, environment));
    }
    return databases;
  }

  private static AttachedDatabase of(String name, Properties properties, Map<String, String> environment) {
    String schemaName = name.toLowerCase(Locale.ROOT);
    if (RESERVED.contains(schemaName)) {
      throw new IllegalArgumentException("Cannot attach a database as '" + name + "': the driver uses that schema name;"
          + " choose another <name> in " + StatsigProperty.ATTACH_URL.key());
    }
    String url = value(StatsigProperty.ATTACH_URL, name, properties);
    if (url == null) {
      throw new IllegalArgumentException("Connection properties " + PREFIX + name + ".* are set but "
          + StatsigProperty.ATTACH_URL.key(name) + " is not: give the JDBC URL of the database to attach,"
          + " e.g. jdbc:postgresql://host:5432/database");
    }
    String passwordKey = StatsigProperty.ATTACH_PASSWORD.key(name);
    String password = value(StatsigProperty.ATTACH_PASSWORD, name, properties);
    return new AttachedDatabase(schemaName, url, value(StatsigProperty.ATTACH_USER, name, properties),
        EncryptedValue.resolve(passwordKey, password, properties, environment),
        value(StatsigProperty.ATTACH_SCHEMA, name, properties));
  }

  private static String value(StatsigProperty property, String name, Properties properties) {
    String value = properties.getProperty(property.key(name));
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The URL up to the vendor part ({@code jdbc:postgresql:}): safe to show, unlike the whole URL. */
  public String urlScheme() {
    int second = url.indexOf(':', url.indexOf(':') + 1);
    return second < 0 ? "(not a jdbc:<vendor>: URL)" : url.substring(0, second + 1);
  }

  @Override
  public String toString() {
    return "AttachedDatabase[" + name + ", " + urlScheme() + "]";
  }
}
