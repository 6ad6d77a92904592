package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.exec.KeyConstraint;
import java.util.Map;
import org.apache.calcite.rex.RexNode;

/** Key values read from a filter: literal ones, and ones taken from an enclosing row. */
record PushedKeys(Map<String, KeyConstraint> values, Map<String, RexNode> correlated) {}
