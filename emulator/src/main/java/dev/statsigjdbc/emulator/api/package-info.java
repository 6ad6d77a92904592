/**
 * The emulated Statsig Console API: {@link dev.statsigjdbc.emulator.api.InMemoryConsoleApi} routes
 * operation keys ({@code "GET /console/v1/experiments/{id}"}, exactly as the OpenAPI spec writes the
 * path) to route groups per entity family, which answer with the Console API's envelopes and
 * errors over a {@link dev.statsigjdbc.emulator.data.Dataset}. Shape quirks of the real API are
 * switched by {@link dev.statsigjdbc.emulator.api.ApiQuirks}.
 *
 * <p>Emulator choices a client may notice: {@code limit} above 1000 is a 400 (the spec names no
 * maximum); experiment pulse results carry {@code controlGroupID}/{@code testGroupID} on each metric
 * so results of several test groups can be told apart; metric values have one row per metric and
 * day with unit type {@code userID}; audit logs sort by time only and refuse {@code latestID}.
 */
package dev.statsigjdbc.emulator.api;
