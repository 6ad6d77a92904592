package dev.statsigjdbc.driver.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small "finance" database of the user's own, keyed by the emulator's experiment and group ids
 * (read from the emulator, so that a change of demo data cannot silently break the joins):
 * users, and orders of those users with the experiment group each user was in.
 */
record FinanceData(List<Order> orders) {
  static final List<String> DDL = List.of(
      "CREATE TABLE users (user_id VARCHAR(64) PRIMARY KEY, country VARCHAR(8) NOT NULL)",
      "CREATE TABLE orders (order_id INT PRIMARY KEY, user_id VARCHAR(64) NOT NULL, experiment_id VARCHAR(128) NOT NULL,"
          + " group_id VARCHAR(128) NOT NULL, revenue DECIMAL(10, 2) NOT NULL)");

  record Order(int id, String userId, String experimentId, String groupId, BigDecimal revenue) {}

  /** Per experiment group, three users; user u of group g spends 10*(g+1)+u in each of u+1 orders. */
  static FinanceData of(StatsigEmulator emulator) {
    List<Order> orders = new ArrayList<>();
    JsonNode experiments = emulator.get("/console/v1/experiments", Map.of(), Map.of("limit", "1000")).path("data");
    for (JsonNode listed : experiments) {
      String experiment = listed.path("id").asText();
      JsonNode groups = emulator.get("/console/v1/experiments/{id}", Map.of("id", experiment), Map.of())
          .path("data").path("groups");
      for (int g = 0; g < groups.size(); g++) {
        for (int u = 0; u < 3; u++) {
          String user = experiment + "-g" + g + "-u" + u;
          for (int n = 0; n <= u; n++) {
            orders.add(new Order(orders.size() + 1, user, experiment, groups.get(g).path("id").asText(),
                BigDecimal.valueOf(10L * (g + 1) + u)));
          }
        }
      }
    }
    return new FinanceData(orders);
  }

  void createIn(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String ddl : DDL) {
        statement.execute(ddl);
      }
    }
    try (PreparedStatement users = connection.prepareStatement("INSERT INTO users VALUES (?, ?)");
        PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
      orders.stream().map(Order::userId).distinct().forEach(user -> {
        try {
          users.setString(1, user);
          users.setString(2, user.hashCode() % 2 == 0 ? "US" : "DE");
          users.addBatch();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      users.executeBatch();
      for (Order order : orders) {
        insert.setInt(1, order.id());
        insert.setString(2, order.userId());
        insert.setString(3, order.experimentId());
        insert.setString(4, order.groupId());
        insert.setBigDecimal(5, order.revenue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  BigDecimal revenue(String experiment) {
    return orders.stream().filter(o -> o.experimentId().equals(experiment)).map(Order::revenue)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Revenue per distinct user, by group id, for one experiment. */
  Map<String, BigDecimal> revenuePerUserByGroup(String experiment) {
    Map<String, BigDecimal> revenue = new LinkedHashMap<>();
    Map<String, Set<String>> users = new LinkedHashMap<>();
    for (Order o : orders) {
      if (o.experimentId().equals(experiment)) {
        revenue.merge(o.groupId(), o.revenue(), BigDecimal::add);
        users.computeIfAbsent(o.groupId(), g -> new HashSet<>()).add(o.userId());
      }
    }
    Map<String, BigDecimal> perUser = new LinkedHashMap<>();
    revenue.forEach((group, total) ->
        perUser.put(group, total.divide(BigDecimal.valueOf(users.get(group).size()), 2, RoundingMode.HALF_UP)));
    return perUser;
  }
}
