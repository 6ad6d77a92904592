package dev.statsigjdbc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Reads and writes from several threads at once: every read sees a whole list, every write lands. */
class ConcurrencyTest {

  @Test
  void concurrentReadersAndWritersSeeConsistentState() throws Exception {
    InMemoryConsoleApi api = Fixtures.api();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        work.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            Req.of("POST", "/console/v1/gates").body("{\"name\": \"load_gate_" + writer + "_" + i + "\"}").on(api);
          }
        }));
      }
      for (int r = 0; r < 2; r++) {
        work.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            var body = Req.get("/console/v1/gates").query("limit", 1000).on(api);
            assertThat(body.path("data").size()).isEqualTo(body.path("pagination").path("totalItems").asInt());
          }
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(api.writeCount()).isEqualTo(50);
    assertThat(Req.get("/console/v1/gates").on(api).path("pagination").path("totalItems").asInt()).isEqualTo(170);
  }
}
