package dev.statsigjdbc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUrisTest {
  @ParameterizedTest
  @ValueSource(strings = {"https://bi.example.com/cb", "http://127.0.0.1/cb", "http://[::1]:8080/cb",
      "http://localhost:1234/callback"})
  void registrable(String uri) {
    assertThat(RedirectUris.problem(URI.create(uri))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://bi.example.com/cb", "http://127.0.0.2/cb", "https://bi.example.com/cb#frag",
      "/relative/cb", "ftp://127.0.0.1/cb", "http://localhost.attacker.example/cb"})
  void notRegistrable(String uri) {
    assertThat(RedirectUris.problem(URI.create(uri))).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({
      "http://127.0.0.1:7777/cb, http://127.0.0.1:7777/cb, true",
      "http://127.0.0.1:7777/cb, http://127.0.0.1:50000/cb, true",
      "http://127.0.0.1/cb, http://127.0.0.1:50000/cb, true",
      "http://[::1]:1/cb, http://[::1]:2/cb, true",
      "http://127.0.0.1:7777/cb, http://localhost:7777/cb, false",
      "http://127.0.0.1:7777/cb, http://127.0.0.1:7777/other, false",
      "http://127.0.0.1:7777/cb, http://127.0.0.1:7777/cb?x=1, false",
      "https://bi.example.com/cb, https://bi.example.com:8443/cb, false",
      "https://bi.example.com/cb, https://bi.example.com/cb/, false",
  })
  void matching(String registered, String requested, boolean matches) {
    assertThat(RedirectUris.matchesAny(URI.create(requested), List.of(URI.create(registered)))).isEqualTo(matches);
  }
}
