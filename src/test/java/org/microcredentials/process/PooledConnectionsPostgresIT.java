package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's connections to PostgreSQL plan as the {@code postgres} profile says (application.yaml: without
 * materialising, docs/performance.md), every one of them: {@link OnPostgres} gives the tests that profile's setting.
 */
@ApplicationTest
@OnPostgres
class PooledConnectionsPostgresIT {

  @Autowired
  DataSource dataSource;

  @Test
  void everyPooledConnectionPlansWithoutMaterialising() throws SQLException {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    List<Connection> borrowed = new ArrayList<>();
    try {
      // As many as the pool may hold, all at once: none of them goes unchecked.
      for (int n = 0; n < pool.getMaximumPoolSize(); n++) {
        Connection connection = pool.getConnection();
        borrowed.add(connection);
        try (Statement sql = connection.createStatement();
            ResultSet setting = sql.executeQuery("show enable_material")) {
          setting.next();
          assertThat(setting.getString(1)).as("enable_material on pooled connection %d", n).isEqualTo("off");
        }
      }
    } finally {
      for (Connection connection : borrowed) {
        connection.close();
      }
    }
  }
}
