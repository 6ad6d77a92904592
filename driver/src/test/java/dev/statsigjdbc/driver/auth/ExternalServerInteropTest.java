package dev.statsigjdbc.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.driver.vault.CredentialVault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signs in to a third-party MCP server with a real OAuth server, e.g. the MCP TypeScript SDK's example
 * ({@code MCP_PORT=38741 MCP_AUTH_PORT=38742 node dist/esm/examples/server/simpleStreamableHttp.js --oauth --oauth-strict},
 * then {@code STATSIG_JDBC_INTEROP_MCP_URL=http://localhost:38741/mcp}). Opt-in: it needs Node and that package.
 */
@EnabledIfEnvironmentVariable(named = "STATSIG_JDBC_INTEROP_MCP_URL", matches = ".+")
class ExternalServerInteropTest {
    @TempDir
    Path dir;

    @Test
    void signsInAndTheServerAcceptsTheToken() throws Exception {
        URI server = URI.create(System.getenv("STATSIG_JDBC_INTEROP_MCP_URL"));
        HttpTransport http = HttpTransport.defaults();
        CredentialVault vault = CredentialVault.at(dir, null);
        McpOAuthClient client = new McpOAuthClient(http, vault, OAuthSettings.defaults(), UserAgents.direct(http), Clock.systemUTC());

        CredentialSet credentials = client.signIn("interop", server, client.probe(server).orElseThrow());
        TokenProvider provider = client.tokenProvider("interop", server);

        HttpResponse<String> initialize = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + provider.currentAccessToken())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"statsig-jdbc-test\",\"version\":\"0\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(initialize.statusCode()).isEqualTo(200);
        assertThat(initialize.body()).contains("serverInfo");
        assertThat(credentials.resource()).isEqualTo(server.toString());

        // A second sign-in reuses the dynamically registered client.
        client.signIn("interop", server, client.probe(server).orElseThrow());
        assertThat(vault.loadClient(credentials.issuer())).isPresent();
    }
}
