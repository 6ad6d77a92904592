package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.driver.profile.Attachment;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.vault.Secret;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jdbc:statsig:profile=<name>}: a data source signed in with OAuth once, then used by the driver. */
class ProfileConnectionTest {
  private static final String MASTER_KEY = "jdbc-profile-test-master-passphrase";

  @TempDir Path vaultDir;
  private EmulatorServer emulator;

  @BeforeEach
  void start() {
    emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aSignedInProfileConnectsThroughTheDriver() throws Exception {
    DataSources sources = DataSources.fromConfiguration(vault(), Map.of());
    sources.signIn(DataSourceProfile.oauth("emu", emulator.mcpUrl(), null, null), sources.userAgent("direct", System.err));

    Properties properties = vault();
    properties.setProperty(StatsigProperty.PROFILE.key(), "emu");
    try (Connection connection = DriverManager.getConnection(StatsigDriver.PREFIX, properties)) {
      assertThat(rows(connection, "SELECT id FROM experiments WHERE id = 'checkout_v2'"))
          .extracting(r -> r.get("id")).containsExactly("checkout_v2");
    }
  }

  /** A profile that attaches an H2 database: its URL in sources.json, its password only in the vault. */
  @Test
  void aProfileAttachesItsDatabasesWithThePasswordFromTheVault() throws Exception {
    String password = "profile-attached-h2-password";
    String h2Url = "jdbc:h2:mem:profile-finance-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection h2 = DriverManager.getConnection(h2Url, "sa", password);
        java.sql.Statement ddl = h2.createStatement()) {
      ddl.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, experiment_id VARCHAR(64), revenue DECIMAL(10, 2))");
      ddl.execute("INSERT INTO orders VALUES (1, 'checkout_v2', 10.50), (2, 'checkout_v2', 4.50), (3, 'other', 1.00)");

      DataSources sources = DataSources.fromConfiguration(vault(), Map.of());
      sources.signIn(DataSourceProfile.oauth("emu", emulator.mcpUrl(), null, null), sources.userAgent("direct", System.err));
      DataSourceProfile profile = sources.profiles().find("emu").orElseThrow()
          .withAttachments(Map.of("finance", new Attachment(h2Url, "sa", null)));
      sources.saveAttachments(profile, Map.of("finance", Secret.of(password)));

      Properties properties = vault();
      properties.setProperty(StatsigProperty.PROFILE.key(), "emu");
      try (Connection connection = DriverManager.getConnection(StatsigDriver.PREFIX, properties)) {
        assertThat(rows(connection, "SELECT e.id, SUM(o.revenue) AS revenue FROM statsig.experiments e"
            + " JOIN finance.orders o ON o.experiment_id = e.id WHERE e.id = 'checkout_v2' GROUP BY e.id"))
            .extracting(r -> r.get("id") + "=" + r.get("revenue")).containsExactly("checkout_v2=15.00");
      }
      String profileFile = java.nio.file.Files.readString(sources.profiles().path());
      assertThat(profileFile).contains("finance").contains("jdbc:h2:mem:profile-finance-").doesNotContain(password);
      assertThat(java.nio.file.Files.readAllBytes(sources.vault().path())).asString(java.nio.charset.StandardCharsets.ISO_8859_1)
          .doesNotContain(password);
      assertThat(sources.vault().loadAttachmentPassword("emu", "finance")).contains(Secret.of(password));

      // A connection property of the same name wins over the profile's attachment.
      properties.setProperty("attach.finance.url", h2Url);
      properties.setProperty("attach.finance.user", "sa");
      properties.setProperty("attach.finance.password", "not-the-password");
      assertThatThrownBy(() -> DriverManager.getConnection(StatsigDriver.PREFIX, properties))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("attached as 'finance'")
              .doesNotContain("not-the-password").doesNotContain(password));

      assertThat(sources.remove("emu").credentialsRemoved()).isTrue();
      assertThat(sources.vault().loadAttachmentPassword("emu", "finance")).isEmpty();
    }
  }

  @Test
  void aPasswordForADatabaseTheProfileDoesNotAttachIsRefused() {
    DataSources sources = DataSources.fromConfiguration(vault(), Map.of());
    DataSourceProfile profile = DataSourceProfile.oauth("emu", emulator.mcpUrl(), null, null);

    assertThatThrownBy(() -> sources.saveAttachments(profile, Map.of("finance", Secret.of("pw"))))
        .hasMessageContaining("does not attach").hasMessageContaining("--attach finance=");
    assertThatThrownBy(() -> profile.withAttachments(Map.of("statsig", new Attachment("jdbc:h2:mem:x", null, null))))
        .hasMessageContaining("the driver uses that schema name");
    assertThatThrownBy(() -> profile.withAttachments(Map.of("fin-ance", new Attachment("jdbc:h2:mem:x", null, null))))
        .hasMessageContaining("cannot name an attached database");
  }

  @Test
  void anUnknownProfileSaysHowToAddIt() {
    Properties properties = vault();
    properties.setProperty(StatsigProperty.PROFILE.key(), "nowhere");

    assertThatThrownBy(() -> DriverManager.getConnection(StatsigDriver.PREFIX, properties))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("08001");
          assertThat(e.getMessage()).contains("nowhere").contains("statsig-sql sources add");
        });
  }

  private Properties vault() {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.VAULT_DIR.key(), vaultDir.toString());
    properties.setProperty(StatsigProperty.MASTER_KEY.key(), MASTER_KEY);
    return properties;
  }
}
