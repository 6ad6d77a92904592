package dev.statsigjdbc.bench;

import java.util.List;

/**
 * One line of the results table.
 *
 * @param details lines that explain the figure (per-query counts, the raw timings)
 */
record FigureResult(String figure, String target, String measured, boolean pass, List<String> details) {}
