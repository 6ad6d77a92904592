package dev.statsigjdbc.bench;

/**
 * The least time any client of a rate-limited server needs for some work: the round trips that
 * must follow one another (each call needing an answer before it), or the calls beyond the
 * bucket's burst at the bucket's refill rate, whichever is longer.
 *
 * @param roundTrips the critical path: calls that cannot be sent before an earlier one answered
 * @param calls the MCP calls the work takes
 */
record PhysicalMinimum(int roundTrips, long calls) {

  /**
   * @param bucket requests the server admits per {@code windowSeconds}, starting full
   */
  double millis(long roundTripMillis, int bucket, int windowSeconds) {
    double refillMillis = Math.max(0, calls - bucket) * windowSeconds * 1000.0 / bucket;
    return Math.max(roundTrips * (double) roundTripMillis, refillMillis);
  }
}
