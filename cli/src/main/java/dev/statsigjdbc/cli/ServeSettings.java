package dev.statsigjdbc.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.calcite.avatica.remote.Driver;

/**
 * Where and how {@code serve} listens. Off the loopback interface anyone on the network can connect,
 * so credentials are then mandatory.
 */
record ServeSettings(String bind, int port, Driver.Serialization serialization,
    Optional<ServeCredentials> credentials) {
  ServeSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be between 0 (any free port) and 65535, not " + port);
    }
    if (!isLoopback(bind) && credentials.isEmpty()) {
      throw new IllegalArgumentException("Bound to " + bind + ", which other machines can reach: set a password for"
          + " HTTP basic auth in " + ServeCredentials.PASSWORD_ENV + " or with --password-file FILE (user --user,"
          + " default statsig), or bind to 127.0.0.1.");
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind " + host + " is not an address of this machine: " + e.getMessage(), e);
    }
  }
}
