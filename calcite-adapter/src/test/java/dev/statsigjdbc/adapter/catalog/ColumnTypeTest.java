package dev.statsigjdbc.adapter.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {
  @Test
  void aTimestampReadsIsoTextAndJavaScriptDateTextWithItsOffset() {
    assertThat(ColumnType.TIMESTAMP.convert(TextNode.valueOf("2026-09-30T23:46:14Z")))
        .isEqualTo(Instant.parse("2026-09-30T23:46:14Z").toEpochMilli());
    assertThat(ColumnType.TIMESTAMP.convert(TextNode.valueOf("Wed Sep 30 2026 23:46:14 GMT+0000 (Coordinated Universal Time)")))
        .isEqualTo(Instant.parse("2026-09-30T23:46:14Z").toEpochMilli());
    assertThat(ColumnType.TIMESTAMP.convert(TextNode.valueOf("Wed Sep 30 2026 16:46:14 GMT-0700 (Pacific Daylight Time)")))
        .isEqualTo(Instant.parse("2026-09-30T23:46:14Z").toEpochMilli());
    assertThat(ColumnType.TIMESTAMP.convert(TextNode.valueOf("Wed Sep 30 2026"))).as("a date without its time").isNull();
  }
}
