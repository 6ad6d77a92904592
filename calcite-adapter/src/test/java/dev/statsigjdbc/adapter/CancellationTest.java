package dev.statsigjdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.FixtureToolSource.NextPageStyle;
import dev.statsigjdbc.adapter.testing.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Statement.cancel() reaches the scan through DataContext's CANCEL_FLAG: no further page is fetched. */
class CancellationTest {

  @Test
  void cancelStopsPagingBeforeTheNextCall() throws Exception {
    ArrayNode records = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < 250; i++) {
      records.addObject().put("id", "exp_" + i);
    }
    AtomicReference<Statement> running = new AtomicReference<>();
    FixtureToolSource source = FixtureToolSource.statsig();
    source.tool(ToolDescriptor.of("Get_List_of_Experiments", "Lists experiments"), params -> {
      try {
        running.get().cancel(); // the user presses "stop" while page 1 is on its way
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return FixtureToolSource.page("experiments", records, params.path("query_page").asInt(), 100, NextPageStyle.RELATIVE);
    });
    try (Sql sql = Sql.connect(source); Statement statement = sql.connection().createStatement()) {
      running.set(statement);
      assertThatThrownBy(() -> {
        try (ResultSet rs = statement.executeQuery("SELECT id FROM statsig.experiments")) {
          while (rs.next()) {
            // drain
          }
        }
      }).hasMessageContaining("cancel");
    }
    assertThat(source.calls("Get_List_of_Experiments")).hasSize(1);
  }
}
