package dev.statsigjdbc.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final AtomicLong nanos = new AtomicLong();

  @Test
  void grantsCapacityThenNamesTheWaitThenRefills() {
    TokenBucket bucket = new TokenBucket(100, Duration.ofSeconds(10), nanos::get);
    for (int i = 0; i < 100; i++) {
      assertThat(bucket.tryTake()).isZero();
    }
    assertThat(bucket.tryTake()).isEqualTo(1);
    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isPositive();
  }

  @Test
  void refusesANonsenseLimit() {
    assertThatThrownBy(() -> new TokenBucket(0, Duration.ofSeconds(10), nanos::get))
        .hasMessageContaining("positive");
  }
}
