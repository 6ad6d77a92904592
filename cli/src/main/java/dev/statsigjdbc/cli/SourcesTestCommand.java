package dev.statsigjdbc.cli;

import dev.statsigjdbc.adapter.guard.ToolCatalog;
import dev.statsigjdbc.adapter.guard.ToolPolicy;
import dev.statsigjdbc.adapter.guard.ToolVerdict;
import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.driver.connect.ConnectionTarget;
import dev.statsigjdbc.driver.connect.ConnectionTargets;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.driver.mcp.McpSession;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sources test <name>}: connects the way the JDBC driver does (no new sign-in), lists the tools and says
 * how many the read-only guard exposes to SQL.
 */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "Connect to a data source with its saved credentials and count the tools it exposes.")
final class SourcesTestCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the data source.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Properties properties = options.properties();
    properties.setProperty(StatsigProperty.PROFILE.key(), name);
    ConnectionTarget target = ConnectionTargets.resolve(properties, System.getenv());
    try (McpSession session = McpSession.open(target.address(), target.credentials(), TIMEOUT)) {
      List<ToolDescriptor> tools = session.tools().stream().map(SourcesTestCommand::descriptor).toList();
      ToolCatalog catalog = ToolCatalog.judge(tools, ToolPolicy.defaults());
      long exposed = catalog.tools().stream().filter(ToolVerdict::exposed).count();
      out.printf("Connected to '%s' at %s: %d tools published, %d exposed to SQL (read-only), %d blocked.%n",
          name, target.address(), tools.size(), exposed, tools.size() - exposed);
    }
    return ExitCodes.OK;
  }

  private static ToolDescriptor descriptor(McpSchema.Tool tool) {
    McpSchema.ToolAnnotations hints = tool.annotations();
    ToolAnnotations annotations = hints == null ? ToolAnnotations.NONE
        : new ToolAnnotations(hints.readOnlyHint(), hints.destructiveHint(), hints.idempotentHint(), hints.openWorldHint());
    return new ToolDescriptor(tool.name(), tool.description(), null, annotations);
  }
}
