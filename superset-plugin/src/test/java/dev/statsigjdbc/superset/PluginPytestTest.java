package dev.statsigjdbc.superset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Test;

/**
 * The plugin's pytest suite, so that README's test command runs it: {@code run-tests.sh} makes (or
 * reuses) the virtualenv with Superset 6.1.0, installs the plugin and runs every test in
 * {@code tests/} against statsig-sql serve and a real Superset. Its output (pytest's report, the
 * JUnit XML, screenshots) lands in {@code target/pytest/}. A missing tool fails the run with what
 * to install; nothing is skipped.
 */
class PluginPytestTest {
  @Test
  void thePythonTestsPass() throws Exception {
    Process pytest = new ProcessBuilder("bash", "run-tests.sh", "target/pytest", "-ra")
        .inheritIO()
        .start();
    int exit = pytest.waitFor();
    assertThat(exit).as("run-tests.sh exit status (pytest's report is above; JUnit XML in %s)",
        new File("target/pytest/pytest.xml").getAbsolutePath()).isZero();
  }
}
