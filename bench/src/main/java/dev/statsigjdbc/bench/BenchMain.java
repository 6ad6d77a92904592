package dev.statsigjdbc.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmark figures against an in-process emulator ({@code large} data set, injected
 * latency per MCP call) over loopback HTTP and prints, then writes, the results table.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<FigureResult> results = new ArrayList<>();
    System.out.println("Generating the large data set and starting the emulator (latency " + options.latencyMillis() + " ms per MCP call)...");
    try (BenchEnvironment env = new BenchEnvironment(options.latencyMillis())) {
      if (options.runs(1)) {
        results.add(new CallCountFigure(env).run());
      }
      if (options.runs(2)) {
        results.add(new OverheadFigure(env, options.repeats()).run());
      }
      if (options.runs(3)) {
        results.add(new FanOutFigure(env, options.repeats()).run());
      }
      if (options.runs(4)) {
        results.add(new CacheFigure(env).run());
      }
      if (options.runs(5)) {
        results.add(new StreamingFigure(env).run());
      }
      if (options.runs(6)) {
        results.add(new ConnectFigure(env, options.repeats()).run());
      }
      if (options.runs(7)) {
        results.add(new HostedFigure(options.hostedRoundTripMillis(), options.repeats()).run());
      }
      if (options.runs(8)) {
        results.add(new ScanCallsFigure(env).run());
      }
    }
    ResultsReport report = new ResultsReport(results, machine(options));
    System.out.println();
    System.out.println(report.table());
    report.write(options.outDir());
    System.out.println("\nWritten: " + options.outDir().resolve("results.md") + " and results.json");
    // The MCP SDK's server-side session sweeper is not a daemon thread: end the JVM explicitly.
    System.exit(0);
  }

  private static String machine(BenchOptions options) {
    return "Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; emulator latency "
        + options.latencyMillis() + " ms per MCP call; timed figures: median of " + options.repeats() + " runs.";
  }
}
