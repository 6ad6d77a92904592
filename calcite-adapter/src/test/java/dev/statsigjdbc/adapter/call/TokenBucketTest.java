package dev.statsigjdbc.adapter.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void aCallerBeyondTheBucketWaitsUntilCancelled() throws Exception {
    TokenBucket bucket = new TokenBucket(2, Duration.ofHours(1));
    AtomicBoolean cancel = new AtomicBoolean();
    CallContext context = new CallContext(cancel, new AtomicBoolean(), Long.MAX_VALUE);
    bucket.acquire(context);
    bucket.acquire(context);

    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread third = new Thread(() -> {
      try {
        bucket.acquire(context);
      } catch (Throwable t) {
        outcome.set(t);
      }
    });
    third.start();
    // The third caller parks for a token that is an hour away; cancel it there.
    while (third.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    cancel.set(true);
    third.join();
    assertThat(outcome.get()).isInstanceOf(QueryAbortedException.class);
  }
}
