package dev.statsigjdbc.driver.connect;

import dev.statsigjdbc.driver.profile.Attachment;
import dev.statsigjdbc.driver.vault.EncryptedValue;
import dev.statsigjdbc.driver.vault.Secret;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Every database the properties attach, then those of the data source profile that the
   * properties do not attach under the same name, in name order.
   */
  public static List<AttachedDatabase> all(Properties properties, Map<String, String> environment,
      List<AttachedDatabase> fromProfile) {
    List<AttachedDatabase> databases = new ArrayList<>(all(properties, environment));
    fromProfile.stream().filter(p -> databases.stream().noneMatch(d -> d.name().equals(p.name()))).forEach(databases::add);
    databases.sort(java.util.Comparator.comparing(AttachedDatabase::name));
    return databases;
  }

  /** A database a data source profile attaches as {@code name}, with its password from the vault (or null). */
  public static AttachedDatabase fromProfile(String name, Attachment attachment, Secret password) {
    return new AttachedDatabase(Attachment.schemaName(name), attachment.url(), attachment.user(), password, attachment.schema());
  }

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
    String schemaName = Attachment.schemaName(name);
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
    return urlScheme(url);
  }

  /** {@code jdbcUrl} up to the vendor part: safe to show, unlike the whole URL. */
  public static String urlScheme(String jdbcUrl) {
    int second = jdbcUrl.indexOf(':', jdbcUrl.indexOf(':') + 1);
    return second < 0 ? "(not a jdbc:<vendor>: URL)" : jdbcUrl.substring(0, second + 1);
  }

  @Override
  public String toString() {
    return "AttachedDatabase[" + name + ", " + urlScheme() + "]";
  }
}
