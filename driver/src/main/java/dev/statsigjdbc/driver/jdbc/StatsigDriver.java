package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.StatsigSchema;
import dev.statsigjdbc.adapter.StatsigSchemaFactory;
import dev.statsigjdbc.driver.connect.AttachedDatabase;
import dev.statsigjdbc.driver.connect.ConnectionTarget;
import dev.statsigjdbc.driver.connect.ConnectionTargets;
import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.driver.mcp.McpSession;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.parser.SqlParser;
import org.slf4j.helpers.Reporter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * {@code jdbc:statsig:} — SQL over Statsig's MCP server. A Calcite driver with a vanity prefix:
 * each connection opens an MCP session, mounts the adapter's {@code statsig} schema over it as
 * the default schema, mounts the user's attached databases ({@code attach.<name>.*}) next to it, and hands out a read-only, auto-commit connection that closes the session.
 *
 * <p>URL: {@code jdbc:statsig:key=value;key=value} (keys of {@link StatsigProperty}); properties
 * passed to {@code connect} fill in what the URL leaves out.
 */
public final class StatsigDriver extends org.apache.calcite.jdbc.Driver {
  public static final String PREFIX = "jdbc:statsig:";
  private static final String CALCITE_METADATA_SCHEMA = "metadata";

  static {
    // First: the parser settings below load Calcite classes, which log.
    useUtf8ForSqlText();
    quietSlf4jWithoutProvider();
  }

  /** How identifiers are read, both by Calcite and by the driver's own SQL inspection. */
  static final SqlParser.Config PARSER = SqlParser.config()
      .withCaseSensitive(false)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED);

  static {
    new StatsigDriver().register();
  }

  /**
   * Calcite reads its charset settings once per JVM, when its first class that needs them loads
   * (after this driver's superclass, before any statement): string literals are then UTF-8, not
   * ISO-8859-1, so {@code LIKE '%日本%'} works. A value the JVM was started with wins.
   */
  private static void useUtf8ForSqlText() {
    Map.of("calcite.default.charset", "UTF-8",
            "calcite.default.nationalcharset", "UTF-8",
            "calcite.default.collation.name", "UTF-8$en_US")
        .forEach((key, value) -> {
          if (System.getProperty(key) == null) {
            System.setProperty(key, value);
          }
        });
  }

  /**
   * The shaded jar carries the SLF4J API but no provider (the host application chooses one): with
   * none on the class path, SLF4J would warn "No SLF4J providers were found" on every start of a
   * tool such as sqlline, although the driver's logs are only meant to be seen where the host
   * configured logging. SLF4J reads this setting once, when its first logger is made; a value the
   * JVM was started with, or any provider present, leaves SLF4J's own reports as they are.
   */
  private static void quietSlf4jWithoutProvider() {
    boolean noProvider = ServiceLoader.load(SLF4JServiceProvider.class, StatsigDriver.class.getClassLoader())
        .stream().findAny().isEmpty();
    if (noProvider && System.getProperty(Reporter.SLF4J_INTERNAL_VERBOSITY_KEY) == null) {
      System.setProperty(Reporter.SLF4J_INTERNAL_VERBOSITY_KEY, "ERROR");
    }
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  /** Every statement, whichever way it reaches Calcite, is prepared by {@link ReadOnlyPrepare}. */
  @Override
  public CalcitePrepare createPrepare() {
    return new ReadOnlyPrepare();
  }

  @Override
  protected DriverVersion createDriverVersion() {
    String version = StatsigDriver.class.getPackage().getImplementationVersion();
    return new DriverVersion("Statsig JDBC Driver", version == null ? "0.1.0-development" : version,
        "Statsig (MCP)", "V1", true, 0, 1, 0, 1);
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    CatalogRemarks remarks = new CatalogRemarks();
    return CalciteMetaImpl.create((CalciteConnection) connection, remarks.tables(), remarks.columns());
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Properties properties = properties(url, info);
    ConnectionTarget target;
    List<AttachedDatabase> attached;
    StatsigOptions adapterOptions;
    try {
      attached = AttachedDatabase.all(properties, System.getenv(), profileAttachments(properties));
      target = ConnectionTargets.resolve(properties, System.getenv());
      DriverOptions.timeout(properties);
      adapterOptions = DriverOptions.adapterOptions(properties);
    } catch (IllegalArgumentException badProperties) {
      throw new SQLNonTransientConnectionException(badProperties.getMessage(), SqlState.UNABLE_TO_CONNECT.code(), badProperties);
    }
    // The MCP handshake is mostly waiting for the network: Calcite's connection is built meanwhile.
    CompletableFuture<McpSession> opening = CompletableFuture.supplyAsync(
        () -> McpSession.open(target.address(), target.credentials(), DriverOptions.timeout(properties)),
        StatsigDriver::startConnectThread);
    Connection calcite;
    try {
      calcite = super.connect(PREFIX, calciteProperties());
    } catch (SQLException | RuntimeException e) {
      opening.thenAccept(McpSession::close);
      throw e;
    }
    McpSession session;
    try {
      session = await(opening);
    } catch (IllegalArgumentException badProperties) {
      calcite.close();
      throw new SQLNonTransientConnectionException(badProperties.getMessage(), SqlState.UNABLE_TO_CONNECT.code(), badProperties);
    } catch (RuntimeException e) {
      calcite.close();
      throw SqlErrors.translate(e);
    }
    try {
      CalciteConnection calciteConnection = calcite.unwrap(CalciteConnection.class);
      hideCalciteMetadataSchema(calciteConnection.getRootSchema());
      McpToolSource tools = new McpToolSource(session);
      SchemaPlus schema = StatsigSchemaFactory.mount(calciteConnection.getRootSchema(),
          StatsigSchemaFactory.DEFAULT_SCHEMA_NAME, tools, adapterOptions);
      tools.countPagesWith(schema.unwrap(StatsigSchema.class)::pagesFetched);
      AttachedSchemas.mount(calciteConnection.getRootSchema(), attached);
      PostgresFunctions.addTo(calciteConnection.getRootSchema());
      calciteConnection.setSchema(StatsigSchemaFactory.DEFAULT_SCHEMA_NAME);
      List<String> tables = List.copyOf(new TreeSet<>(schema.getTableNames()));
      return ConnectionHandler.wrap(calcite, session, tools, new ConnectionContext(PARSER, () -> tables,
          schema.unwrap(StatsigSchema.class).unavailableTables(),
          () -> AttachedSchemas.tableNames(calciteConnection.getRootSchema(), attached)));
    } catch (SQLException | RuntimeException e) {
      session.close();
      calcite.close();
      throw e instanceof SQLException sql ? sql : SqlErrors.translate(e);
    }
  }

  /**
   * Calcite mounts its own {@code metadata} schema (its catalog as SQL tables) in every root;
   * sqlline's {@code !tables} and BI navigators would list it among the user's data. The
   * driver's DatabaseMetaData does not read it (Calcite's Meta walks the schemas directly).
   */
  private static void hideCalciteMetadataSchema(SchemaPlus root) {
    root.unwrap(CalciteSchema.class).removeSubSchema(CALCITE_METADATA_SCHEMA);
  }

  /** A thread of its own: opening may wait minutes for a browser sign-in, which must not hold a shared pool. */
  private static void startConnectThread(Runnable open) {
    Thread thread = new Thread(open, "statsig-jdbc-connect");
    thread.setDaemon(true);
    thread.start();
  }

  /** The session, or the exception opening it threw (as if thrown here). */
  private static McpSession await(CompletableFuture<McpSession> opening) {
    try {
      return opening.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The databases the {@code profile} property's data source attaches (none without that property). */
  private static List<AttachedDatabase> profileAttachments(Properties properties) {
    String profile = StatsigProperty.PROFILE.get(properties);
    return profile == null ? List.of()
        : DataSources.fromConfiguration(properties, System.getenv()).attachments(profile);
  }

  /** Every connection property with its description and default (or the value given). */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties given = acceptsURL(url) ? properties(url, info) : new Properties();
    List<DriverPropertyInfo> out = new ArrayList<>();
    for (StatsigProperty property : StatsigProperty.values()) {
      DriverPropertyInfo entry = new DriverPropertyInfo(property.key(), property.get(given));
      entry.description = property.description();
      // Nothing is required on its own: the defaults reach Statsig, which asks the user to sign in.
      entry.required = false;
      entry.choices = property.choices().isEmpty() ? null : property.choices().toArray(String[]::new);
      out.add(entry);
    }
    return out.toArray(DriverPropertyInfo[]::new);
  }

  /** URL parameters over the given properties (the URL wins, as in other drivers). */
  static Properties properties(String url, Properties info) throws SQLException {
    Properties merged = new Properties();
    if (info != null) {
      info.forEach(merged::put);
    }
    try {
      return ConnectStringParser.parse(url.substring(PREFIX.length()), merged);
    } catch (SQLException malformed) {
      // Avatica's message quotes the URL, which may hold an API key.
      throw new SQLNonTransientConnectionException("Malformed " + PREFIX + " URL: give key=value pairs separated by ';'"
          + " and quote a value that contains ';' or '=' with single quotes, e.g. " + PREFIX
          + "url=http://127.0.0.1:8787/v1/mcp;apiKey=console-...", SqlState.UNABLE_TO_CONNECT.code());
    }
  }

  /**
   * Calcite's own settings; never the caller's properties, which may hold secrets. Functions:
   * the standard ones plus Calcite's PostgreSQL library (LENGTH, SPLIT_PART, TO_CHAR, ILIKE, ...)
   * and {@link PostgresFunctions}; result types: {@link AnalystTypeSystem}.
   */
  private static Properties calciteProperties() {
    Properties calcite = new Properties();
    calcite.setProperty("fun", "standard,postgresql");
    calcite.setProperty("typeSystem", AnalystTypeSystem.class.getName() + "#INSTANCE");
    calcite.setProperty("caseSensitive", "false");
    calcite.setProperty("quoting", PARSER.quoting().name());
    calcite.setProperty("unquotedCasing", PARSER.unquotedCasing().name());
    calcite.setProperty("quotedCasing", PARSER.quotedCasing().name());
    return calcite;
  }
}
