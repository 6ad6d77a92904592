package dev.statsigjdbc.bench;

import java.util.List;

/**
 * A question of the hosted-conditions figure with its critical path: how many round trips any
 * client needs, each waiting for data from the one before, once it knows the entities (the
 * assistant reads them first: one more round trip on a cold connection, every list at once).
 *
 * @param roundTrips dependent round trips of the question's own SQL
 * @param why how they were counted
 */
record HostedQuestion(String question, int roundTrips, String why) {

  /** The seed questions, as the demo asks them. */
  static final List<HostedQuestion> SEED = List.of(
      new HostedQuestion("Which experiments shipped this quarter and what did they do to activation?", 2,
          "experiments decided this quarter (one list call, filtered by status), then the activation result of each one's launched group"),
      new HostedQuestion("What is the exposure split on the new-onboarding gate?", 2,
          "the gate's rules (detail call), then each rule's pass/fail counts"),
      new HostedQuestion("Did the checkout test move revenue per user?", 2,
          "the experiment's groups (detail call), then the results of each test group"));

  /** Six charts: the seed questions, a 30-day trend, the variants of an experiment, an exposure split. */
  static final List<HostedQuestion> DASHBOARD = List.of(
      SEED.get(0), SEED.get(1), SEED.get(2),
      new HostedQuestion("How has activation trended over the last 30 days?", 1, "one call per day, none depending on another"),
      new HostedQuestion("How did the variants of checkout v2 compare?", 2,
          "the experiment's groups (detail call), then the results of each test group"),
      new HostedQuestion("What is the exposure split of checkout_v2?", 1, "one cumulative exposures call"));

  /** The entities' lists (experiments, gates, metrics, tags), read at once with pages large enough: one round trip. */
  static final int LEXICON_ROUND_TRIPS = 1;
}
