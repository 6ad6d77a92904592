package dev.statsigjdbc.driver.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EncryptedValueTest {
    private static final String API_KEY = "console-5ecret-key";

    @Test
    void encryptsAndResolvesWithThePasswordFromTheEnvironmentOrAProperty() {
        String enc = EncryptedValue.encrypt(API_KEY, "pw-1".toCharArray());
        assertThat(enc).startsWith("ENC(v1:").endsWith(")").doesNotContain(API_KEY);
        assertThat(EncryptedValue.encrypt(API_KEY, "pw-1".toCharArray())).isNotEqualTo(enc);

        assertThat(EncryptedValue.resolve("apiKey", enc, new Properties(), Map.of(EncryptedValue.PASSWORD_ENVIRONMENT_VARIABLE, "pw-1")).reveal())
                .isEqualTo(API_KEY);
        Properties properties = new Properties();
        properties.setProperty(EncryptedValue.PASSWORD_PROPERTY, "pw-1");
        assertThat(EncryptedValue.resolve("apiKey", enc, properties, Map.of()).reveal()).isEqualTo(API_KEY);
        assertThat(EncryptedValue.resolve("apiKey", "plain", properties, Map.of()).reveal()).isEqualTo("plain");
        assertThat(EncryptedValue.resolve("apiKey", null, properties, Map.of())).isNull();
    }

    @Test
    void wrongPasswordOrTamperingIsRefusedClearly() {
        String enc = EncryptedValue.encrypt(API_KEY, "pw-1".toCharArray());
        assertThatThrownBy(() -> EncryptedValue.decrypt("apiKey", enc, "pw-2".toCharArray()))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("The ENC(...) value of apiKey cannot be decrypted: it was modified or the master password is different")
                .hasMessageNotContaining("pw-");
        int at = enc.length() - 6;
        String tampered = enc.substring(0, at) + (enc.charAt(at) == 'A' ? 'B' : 'A') + enc.substring(at + 1);
        assertThatThrownBy(() -> EncryptedValue.decrypt("apiKey", tampered, "pw-1".toCharArray())).hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> EncryptedValue.decrypt("apiKey", "ENC(v1:!!)", "pw-1".toCharArray())).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void missingPasswordAndJasyptValuesGetAnExplanation() {
        String enc = EncryptedValue.encrypt(API_KEY, "pw-1".toCharArray());
        assertThatThrownBy(() -> EncryptedValue.resolve("clientSecret", enc, new Properties(), Map.of()))
                .hasMessageContaining("clientSecret").hasMessageContaining(EncryptedValue.PASSWORD_ENVIRONMENT_VARIABLE);
        assertThatThrownBy(() -> EncryptedValue.decrypt("apiKey", "ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)", "pw-1".toCharArray()))
                .hasMessageContaining("unknown format");
    }
}
