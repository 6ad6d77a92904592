package dev.statsigjdbc.adapter.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL types a column can have, each converting JSON to Calcite's internal value (epoch ms
 * for TIMESTAMP, epoch days for DATE). JSON holds nested objects and arrays as text.
 */
public enum ColumnType {
  VARCHAR(SqlTypeName.VARCHAR) {
    @Override
    Object fromJson(JsonNode node) {
      return node.isContainerNode() ? node.toString() : node.asText();
    }
  },
  JSON(SqlTypeName.VARCHAR) {
    @Override
    Object fromJson(JsonNode node) {
      return node.isTextual() ? node.asText() : node.toString();
    }
  },
  BIGINT(SqlTypeName.BIGINT) {
    @Override
    Object fromJson(JsonNode node) {
      if (node.isNumber()) {
        return node.asLong();
      }
      return node.isTextual() && node.asText().matches("-?\\d+") ? Long.parseLong(node.asText()) : null;
    }
  },
  DOUBLE(SqlTypeName.DOUBLE) {
    @Override
    Object fromJson(JsonNode node) {
      if (node.isNumber()) {
        return node.asDouble();
      }
      try {
        return node.isTextual() ? Double.parseDouble(node.asText()) : null;
      } catch (NumberFormatException notNumeric) {
        return null;
      }
    }
  },
  BOOLEAN(SqlTypeName.BOOLEAN) {
    @Override
    Object fromJson(JsonNode node) {
      if (node.isBoolean()) {
        return node.asBoolean();
      }
      String text = node.asText();
      return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }
  },
  TIMESTAMP(SqlTypeName.TIMESTAMP) {
    @Override
    Object fromJson(JsonNode node) {
      if (node.isNumber()) {
        return node.asLong();
      }
      if (!node.isTextual()) {
        return null;
      }
      String text = node.asText();
      try {
        return Instant.parse(text).toEpochMilli();
      } catch (DateTimeParseException notIso) {
        return javaScriptDateText(text);
      }
    }
  },
  DATE(SqlTypeName.DATE) {
    @Override
    Object fromJson(JsonNode node) {
      String text = node.asText();
      try {
        return text.length() >= 10 ? (int) LocalDate.parse(text.substring(0, 10)).toEpochDay() : null;
      } catch (DateTimeParseException notIsoDate) {
        return null;
      }
    }
  };

  /**
   * The text JavaScript's {@code Date.toString()} writes, "Wed Sep 30 2026 23:46:14 GMT+0000
   * (Coordinated Universal Time)", which some APIs return split into a date and a time field.
   */
  private static final DateTimeFormatter JAVASCRIPT_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx", Locale.ROOT);

  private final SqlTypeName sqlType;

  ColumnType(SqlTypeName sqlType) {
    this.sqlType = sqlType;
  }

  public SqlTypeName sqlType() {
    return sqlType;
  }

  /** Calcite's internal value for a JSON value; null for JSON null or missing. */
  public Object convert(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : fromJson(node);
  }

  abstract Object fromJson(JsonNode node);

  private static Long javaScriptDateText(String text) {
    int zoneName = text.indexOf(" (");
    try {
      return OffsetDateTime.parse(zoneName < 0 ? text : text.substring(0, zoneName), JAVASCRIPT_DATE)
          .toInstant().toEpochMilli();
    } catch (DateTimeParseException notJavaScript) {
      return null;
    }
  }
}
