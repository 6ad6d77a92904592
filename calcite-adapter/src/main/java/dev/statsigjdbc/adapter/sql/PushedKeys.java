package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.exec.KeyConstraint;
import java.util.List;
import java.util.Map;

/** Key values read from a filter: literal ones, and ones known only when the query runs. */
record PushedKeys(Map<String, KeyConstraint> values, List<RunTimeKey> runTime) {}
