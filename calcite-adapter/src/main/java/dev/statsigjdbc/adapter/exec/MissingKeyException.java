package dev.statsigjdbc.adapter.exec;

/** A query lacks a value the table's tools cannot do without. */
public final class MissingKeyException extends RuntimeException {

  MissingKeyException(String message) {
    super(message);
  }
}
