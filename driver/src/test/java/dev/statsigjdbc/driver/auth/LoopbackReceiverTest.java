package dev.statsigjdbc.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopbackReceiverTest {
    final HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> visit(URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void receivesARealRedirectOn127001() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0)) {
            assertThat(receiver.redirectUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/callback");
            receiver.expectState("s-1");
            HttpResponse<String> page = visit(URI.create(receiver.redirectUri() + "?code=c%2B1&state=s-1&iss=https%3A%2F%2Fas"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("You can close this window");
            assertThat(receiver.await(Duration.ofSeconds(5))).containsEntry("code", "c+1").containsEntry("state", "s-1").containsEntry("iss", "https://as");
            assertThat(visit(URI.create("http://127.0.0.1:" + receiver.redirectUri().getPort() + "/other")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void eachAnswerGetsAPageSayingWhatHappenedAndWhatToDo() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0)) {
            receiver.expectState("s");
            assertThat(visit(URI.create(receiver.redirectUri() + "?error=access_denied&state=s")).body())
                    .contains("Access denied").contains("You denied access").contains("choose Approve");
            assertThat(receiver.await(Duration.ofSeconds(5))).containsEntry("error", "access_denied");
            assertThat(visit(URI.create(receiver.redirectUri() + "?code=late&state=s")).body()).contains("Already answered");
        }
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0)) {
            receiver.expectState("s");
            assertThat(visit(URI.create(receiver.redirectUri() + "?error=invalid_scope&error_description=%3Cb%3Eno%3C%2Fb%3E&state=s")).body())
                    .contains("Sign-in failed").contains("<code>invalid_scope</code>: &lt;b&gt;no&lt;/b&gt;").doesNotContain("<b>");
        }
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0)) {
            receiver.expectState("s");
            assertThat(visit(URI.create(receiver.redirectUri() + "?code=c&state=forged")).body())
                    .contains("Sign-in refused").contains("does not belong to the sign-in").doesNotContain("Signed in");
        }
    }

    @Test
    void timesOutWithAClearMessage() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0)) {
            assertThatThrownBy(() -> receiver.await(Duration.ofMillis(50)))
                    .hasMessageContaining("No sign-in reached " + receiver.redirectUri())
                    .hasMessageContaining("browser=print");
        }
    }

    @Test
    void prefersTheRegisteredPortAndFallsBackWhenItIsBusy() throws Exception {
        try (LoopbackReceiver first = LoopbackReceiver.start(0)) {
            int port = first.redirectUri().getPort();
            try (LoopbackReceiver second = LoopbackReceiver.startPreferring(port)) {
                assertThat(second.redirectUri().getPort()).isNotEqualTo(port);
            }
            first.close();
            try (LoopbackReceiver third = LoopbackReceiver.startPreferring(port)) {
                assertThat(third.redirectUri().getPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void printUserAgentShowsTheLinkAndTheBrowserCanFollowIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0)) {
            URI link = URI.create("https://as.example/authorize?client_id=c&state=s");
            UserAgents.named("print", null, new PrintStream(out, true, StandardCharsets.UTF_8)).open(link, receiver.redirectUri());
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(link.toString()).contains(receiver.redirectUri().toString());
        }
        assertThatThrownBy(() -> UserAgents.named("carrier-pigeon", null, System.err)).hasMessageContaining("use system, print or direct");
    }

    @Test
    void systemUserAgentWithoutADesktopPrintsTheLinkInsteadOfWaitingSilently() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0)) {
            URI link = URI.create("https://as.example/authorize?client_id=c&state=s");
            UserAgents.system(new PrintStream(out, true, StandardCharsets.UTF_8), Map.of()).open(link, receiver.redirectUri());
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No browser could be opened")
                .contains("https://as.example/authorize?client_id=c&state=s").contains("Waiting for the sign-in to finish");
    }
}
