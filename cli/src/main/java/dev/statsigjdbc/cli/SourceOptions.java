package dev.statsigjdbc.cli;

import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where the vault and profiles live, shared by the {@code sources} commands (a picocli mixin). */
final class SourceOptions {
  @Option(names = "--vault-dir", paramLabel = "DIR",
      description = "Folder of the credential vault and the data source file (default ~/.statsig-jdbc).")
  Path vaultDir;

  /** Connection properties as the JDBC driver would get them, with the vault folder when given. */
  Properties properties() {
    Properties properties = new Properties();
    if (vaultDir != null) {
      properties.setProperty(StatsigProperty.VAULT_DIR.key(), vaultDir.toString());
    }
    return properties;
  }

  DataSources dataSources() {
    return DataSources.fromConfiguration(properties(), System.getenv());
  }
}
