package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
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
