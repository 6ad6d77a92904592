package dev.statsigjdbc.driver.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.driver.jdbc.StatsigDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link StatsigProperty} is the one place a connection property is named, parsed and documented. */
class StatsigPropertyTest {
  /** A property key spelled in code: read or set by name, or held in a constant. */
  private static final Pattern SPELLED_KEY =
      Pattern.compile("(?:getProperty|setProperty)\\(\\s*\"([^\"]+)\"|static final String \\w+ = \"([^\"]+)\";");

  @Test
  void noOtherClassSpellsAPropertyKey() throws IOException {
    List<String> keys = Arrays.stream(StatsigProperty.values()).map(StatsigProperty::key).toList();
    List<String> spelled = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of(".."))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")
          && !p.getFileName().toString().equals("StatsigProperty.java")).toList()) {
        Matcher key = SPELLED_KEY.matcher(Files.readString(source));
        while (key.find()) {
          String name = key.group(1) != null ? key.group(1) : key.group(2);
          if (keys.contains(name)) {
            spelled.add(source + ": " + name);
          }
        }
      }
    }
    assertThat(spelled).as("read keys through StatsigProperty").isEmpty();
  }

  @Test
  void propertyInfoHasDescriptionsDefaultsAndChoices() throws Exception {
    DriverPropertyInfo[] info = new StatsigDriver().getPropertyInfo(StatsigDriver.PREFIX + "browser=print", new Properties());
    assertThat(info).hasSize(StatsigProperty.values().length).allSatisfy(p -> assertThat(p.description).isNotBlank());
    DriverPropertyInfo browser = Arrays.stream(info).filter(p -> p.name.equals("browser")).findFirst().orElseThrow();
    assertThat(browser.value).isEqualTo("print");
    assertThat(browser.choices).containsExactly("system", "print", "direct");
    assertThat(Arrays.stream(info).filter(p -> p.name.equals("timeoutSeconds")).findFirst().orElseThrow().value)
        .isEqualTo("30");
  }

  @Test
  void valuesAreParsedWithErrorsThatSayWhatToGive() {
    Properties properties = new Properties();
    properties.setProperty("browser", "firefox");
    properties.setProperty("maxRetries", "-1");
    properties.setProperty("blockTools", " a, ,b ");
    assertThatThrownBy(() -> StatsigProperty.BROWSER.choice(properties)).hasMessageContaining("system, print, direct");
    assertThatThrownBy(() -> StatsigProperty.MAX_RETRIES.number(properties, 0)).hasMessageContaining("at least 0");
    assertThat(StatsigProperty.BLOCK_TOOLS.list(properties)).containsExactly("a", "b");
    assertThat(StatsigProperty.TIMEOUT_SECONDS.number(properties, 1)).isEqualTo(30);
  }
}
