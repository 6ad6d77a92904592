package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.dashboard.DashboardRenderer;
import dev.statsigjdbc.assistant.dashboard.Panel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dashboard render <name>}: re-runs every pinned SQL and writes the dashboard as one HTML page. */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "Re-run a dashboard's queries and write it as one self-contained HTML page.")
final class DashboardRenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DashboardOptions options;

  @Parameters(index = "0", paramLabel = "NAME", description = "The dashboard.")
  String name;

  @ArgGroup(exclusive = true, multiplicity = "1")
  DataSourceOptions.Choice source;

  @Option(names = "--out", paramLabel = "FILE", description = "The HTML file (default: NAME.html in the dashboard folder).")
  Path out;

  @Override
  public Integer call() throws Exception {
    options.store().load(name); // a missing dashboard is reported before any connection is made
    Path page = out != null ? out : options.store().folder().resolve(name + ".html");
    DashboardRenderer.Rendered rendered;
    try (DataSourceOptions.Opened opened = DataSourceOptions.open(source)) {
      rendered = new DashboardRenderer(options.store(), Assistant.offline(opened.connection()), Clock.systemUTC())
          .render(name, page);
    }
    return report(rendered, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Prints where the page is and which pins could not refresh; 1 when any could not. */
  private static int report(DashboardRenderer.Rendered rendered, PrintWriter out, PrintWriter err) {
    for (int i = 0; i < rendered.panels().size(); i++) {
      Panel panel = rendered.panels().get(i);
      if (!panel.refreshed()) {
        err.printf("Pin %d (%s) did not refresh: %s%n", i + 1, panel.pin().question(), panel.error());
      }
    }
    out.println("Dashboard written to " + rendered.page().toAbsolutePath());
    out.flush();
    err.flush();
    return rendered.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
