package dev.statsigjdbc.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code statsig-sql} command line. */
@Command(
    name = "statsig-sql",
    mixinStandardHelpOptions = true,
    versionProvider = StatsigSql.Version.class,
    description = "SQL over Statsig: experiments, gates and metrics as tables.",
    subcommands = {DemoCommand.class, SqlCommand.class, AskCommand.class, ChatCommand.class, DashboardCommand.class,
        ServeCommand.class,
        SourcesCommand.class, EncryptCommand.class, CommandLine.HelpCommand.class})
public final class StatsigSql implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run commands through it in-process. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line reading settings (the language model's) from {@code environment} instead of the process's. */
  static CommandLine commandLine(Map<String, String> environment) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <K> K create(Class<K> type) throws Exception {
        return type == LlmOptions.class ? (K) new LlmOptions(environment) : defaults.create(type);
      }
    };
    return new CommandLine(new StatsigSql(), factory).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new ExitCodes());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = StatsigSql.class.getPackage().getImplementationVersion();
      return new String[] {"statsig-sql " + (version == null ? "(development build)" : version)};
    }
  }
}
