package dev.statsigjdbc.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.driver.vault.EncryptedValue;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OAuthSettingsTest {
    @Test
    void readsAPreRegisteredClientWithAnEncryptedSecret() {
        Properties properties = new Properties();
        properties.setProperty(OAuthSettings.CLIENT_ID, "pre-1");
        properties.setProperty(OAuthSettings.CLIENT_SECRET, EncryptedValue.encrypt("sekrit-client", "pw".toCharArray()));
        properties.setProperty(OAuthSettings.CLIENT_AUTH_METHOD, "client_secret_post");
        properties.setProperty(OAuthSettings.CLIENT_METADATA_URL, "https://example.test/client.json");
        properties.setProperty(OAuthSettings.CALLBACK_TIMEOUT_SECONDS, "30");

        OAuthSettings settings = OAuthSettings.fromProperties(properties, Map.of(EncryptedValue.PASSWORD_ENVIRONMENT_VARIABLE, "pw"));

        assertThat(settings.clientId()).isEqualTo("pre-1");
        assertThat(settings.clientSecret().reveal()).isEqualTo("sekrit-client");
        assertThat(settings.clientAuthMethod()).isEqualTo("client_secret_post");
        assertThat(settings.clientMetadataDocument()).isEqualTo(URI.create("https://example.test/client.json"));
        assertThat(settings.callbackTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.toString()).doesNotContain("sekrit");
    }

    @Test
    void defaultsAndBadValues() {
        assertThat(OAuthSettings.fromProperties(new Properties(), Map.of())).isEqualTo(OAuthSettings.defaults());
        Properties properties = new Properties();
        properties.setProperty(OAuthSettings.CALLBACK_TIMEOUT_SECONDS, "soon");
        assertThatThrownBy(() -> OAuthSettings.fromProperties(properties, Map.of())).hasMessageContaining("whole number of seconds");
    }
}
