package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Off loopback, every path needs HTTP basic auth; without a password serve refuses to start. */
class ServeAuthTest {
  private static final String USER = "analyst";
  private static final String PASSWORD = "correct-horse-battery";

  @TempDir static Path work;
  private static ServedDemo served;

  @BeforeAll
  static void start() throws Exception {
    // 0.0.0.0 is not loopback, so credentials are mandatory; the test reaches it through 127.0.0.1.
    served = ServedDemo.start(new ServeSettings("0.0.0.0", 0, Driver.Serialization.PROTOBUF,
        Optional.of(new ServeCredentials(USER, PASSWORD))), work.resolve("dashboards"));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void everyPathIsRefusedWithoutOrWithWrongCredentials() throws Exception {
    for (String path : new String[] {"", "api/ask", "dashboards/any", "vega/vega.min.js"}) {
      HttpResponse<String> none = send(path, null);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          h -> assertThat(h).startsWithIgnoringCase("Basic realm=\"statsig-sql\""));
      assertThat(send(path, USER + ":wrong-password").statusCode()).as(path).isEqualTo(401);
      assertThat(send(path, "someone-else:" + PASSWORD).statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void theRightCredentialsReachThePageTheApiAndAvatica() throws Exception {
    assertThat(send("", USER + ":" + PASSWORD).body()).contains("<title>statsig-sql · ask</title>");

    HttpResponse<String> ask = served.http.send(request("api/ask", USER + ":" + PASSWORD)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"How many gates are there?\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);
    assertThat(ask.body()).contains("\"understood\":true");
  }

  @Test
  void avaticasJdbcDriverSignsInWithBasicAuth() throws Exception {
    long expected = ((Number) served.direct("SELECT COUNT(*) AS n FROM gates").value(0, "n")).longValue();
    try (Connection connection = DriverManager.getConnection(served.server.avaticaUrl() + ";authentication=BASIC",
        credentials(PASSWORD)); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) AS n FROM gates")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong("n")).isEqualTo(expected);
    }
    assertThatThrownBy(() -> DriverManager.getConnection(served.server.avaticaUrl() + ";authentication=BASIC",
        credentials("wrong-password")).createStatement().executeQuery("SELECT 1"))
        // Avatica's client reports it as a RuntimeException, not a SQLException.
        .hasMessageContaining("HTTP/401");
  }

  @Test
  void offLoopbackWithoutAPasswordServeRefusesToStart() {
    StringWriter err = new StringWriter();
    CommandLine cli = StatsigSql.commandLine();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));

    int exit = cli.execute("serve", "--demo", "--bind", "0.0.0.0", "--port", "0");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("0.0.0.0").contains(ServeCredentials.PASSWORD_ENV).contains("--password-file");
  }

  @Test
  void thePasswordComesFromTheFilesFirstLineAndIsNeverPrinted() throws Exception {
    Path file = work.resolve("password");
    Files.writeString(file, PASSWORD + "\nignored\n", StandardCharsets.UTF_8);

    ServeCredentials fromFile = ServeCredentials.resolve(USER, file, Map.of(ServeCredentials.PASSWORD_ENV, "env"))
        .orElseThrow();
    ServeSettings settings = new ServeSettings("0.0.0.0", 0, Driver.Serialization.JSON, Optional.of(fromFile));

    assertThat(fromFile.password()).isEqualTo(PASSWORD);
    assertThat(ServeCredentials.resolve(USER, null, Map.of(ServeCredentials.PASSWORD_ENV, "from-env")).orElseThrow()
        .password()).isEqualTo("from-env");
    assertThat(ServeCredentials.resolve(USER, null, Map.of())).isEmpty();
    assertThat(fromFile.toString()).contains(USER).doesNotContain(PASSWORD);
    assertThat(settings.toString()).doesNotContain(PASSWORD);
    Files.writeString(file, "\n");
    assertThatThrownBy(() -> ServeCredentials.resolve(USER, file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }

  private static Properties credentials(String password) {
    Properties properties = new Properties();
    properties.setProperty("avatica_user", USER);
    properties.setProperty("avatica_password", password);
    return properties;
  }

  private static HttpRequest.Builder request(String path, String userAndPassword) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(served.server.url() + path))
        .timeout(Duration.ofSeconds(60));
    if (userAndPassword != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private static HttpResponse<String> send(String path, String userAndPassword) throws Exception {
    return served.http.send(request(path, userAndPassword).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
