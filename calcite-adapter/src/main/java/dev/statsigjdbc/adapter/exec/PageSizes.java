package dev.statsigjdbc.adapter.exec;

/**
 * The page size a connection's scans ask for: the configured one until the server refuses it
 * (an error to a limit above the Console API's default), then that default for the rest of the
 * connection, so that the refusal costs one call once.
 */
final class PageSizes {
  /** The Console API's documented default page size: a server serves at least this many. */
  static final int SERVER_DEFAULT = 100;

  private final int configured;
  private volatile boolean largeRefused;

  PageSizes(int configured) {
    this.configured = configured;
  }

  int toAsk() {
    return largeRefused ? Math.min(configured, SERVER_DEFAULT) : configured;
  }

  void largePagesRefused() {
    largeRefused = true;
  }
}
