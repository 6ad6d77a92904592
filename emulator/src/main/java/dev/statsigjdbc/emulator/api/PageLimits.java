package dev.statsigjdbc.emulator.api;

/**
 * The largest page a list request gets, and what happens to a {@code limit} above it. The
 * Console API documents a default of 100 and no maximum; clients that ask for large pages must
 * cope with either behaviour a server may show.
 *
 * @param maxLimit the largest page served
 * @param capped true: a larger {@code limit} is served pages of {@code maxLimit} (fewer rows than
 *     asked, {@code itemsPerPage} and the page numbering at the cap); false: it is refused with 400
 */
public record PageLimits(int maxLimit, boolean capped) {

  public PageLimits {
    if (maxLimit < 1) {
      throw new IllegalArgumentException("the largest page must hold at least 1 item, got " + maxLimit);
    }
  }

  /** Up to 1000 per page; a larger limit is refused (keeps a single response, and the heap, bounded). */
  public static PageLimits defaults() {
    return new PageLimits(1000, false);
  }

  /** Serves at most {@code maxLimit} per page whatever was asked, like a server with a silent cap. */
  public static PageLimits cappedAt(int maxLimit) {
    return new PageLimits(maxLimit, true);
  }

  /** Answers 400 to a {@code limit} above {@code maxLimit}. */
  public static PageLimits refusingAbove(int maxLimit) {
    return new PageLimits(maxLimit, false);
  }

  /** The largest {@code limit} answered without a 400. */
  int largestAccepted() {
    return capped ? Integer.MAX_VALUE : maxLimit;
  }

  /** The page size a request for {@code limit} (accepted) is served. */
  int served(int limit) {
    return Math.min(limit, maxLimit);
  }
}
