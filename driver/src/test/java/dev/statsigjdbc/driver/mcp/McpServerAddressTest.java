package dev.statsigjdbc.driver.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class McpServerAddressTest {

  @Test
  void keepsThePathAsTheEndpointSoTheSdkDoesNotDropIt() {
    McpServerAddress address = McpServerAddress.parse("https://api.statsig.com/v1/mcp");

    assertThat(address.origin()).isEqualTo("https://api.statsig.com");
    assertThat(address.endpoint()).isEqualTo("/v1/mcp");
    assertThat(address.uri()).hasToString("https://api.statsig.com/v1/mcp");
  }

  @Test
  void keepsPortAndQuery() {
    McpServerAddress address = McpServerAddress.parse("http://127.0.0.1:8787/v1/mcp?project=demo");

    assertThat(address.origin()).isEqualTo("http://127.0.0.1:8787");
    assertThat(address.endpoint()).isEqualTo("/v1/mcp?project=demo");
  }

  @Test
  void refusesWhatIsNotAnHttpUrlAndShowsAnExample() {
    assertThatThrownBy(() -> McpServerAddress.parse("api.statsig.com/v1/mcp"))
        .hasMessageContaining(McpServerAddress.STATSIG_DEFAULT);
    assertThatThrownBy(() -> McpServerAddress.parse("ftp://api.statsig.com/v1/mcp"))
        .hasMessageContaining("http(s)");
  }

  @Test
  void refusesCredentialsInTheUrlWithoutEchoingThem() {
    assertThatThrownBy(() -> McpServerAddress.parse("https://user:s3cret@api.statsig.com/v1/mcp"))
        .hasMessageContaining("connection properties")
        .hasMessageNotContaining("s3cret");
  }
}
