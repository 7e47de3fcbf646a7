package dev.checkpoint.shared;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientBucketsTests {

	private final AtomicLong now = new AtomicLong(-5_000_000_000L);

	@Test
	void shouldAllowTheCapacityAtOnceThenOneRequestPerInterval() {
		ClientBuckets buckets = new ClientBuckets(3, Duration.ofSeconds(3), 100, this.now::get);
		for (int i = 0; i < 3; i++) {
			assertThat(buckets.take("a")).isZero();
		}
		assertThat(buckets.take("a")).isEqualTo(1_000_000_000L);
		assertThat(buckets.take("b")).as("another client's bucket").isZero();
		this.now.addAndGet(400_000_000L);
		assertThat(buckets.peek("a")).isEqualTo(600_000_000L);
		assertThat(buckets.take("a")).isEqualTo(600_000_000L);
		this.now.addAndGet(600_000_000L);
		assertThat(buckets.peek("a")).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isEqualTo(1_000_000_000L);
	}

	@Test
	void shouldPeekWithoutTakingAndWithoutKeepingANewClient() {
		ClientBuckets buckets = new ClientBuckets(2, Duration.ofMinutes(1), 100, this.now::get);
		for (int i = 0; i < 10; i++) {
			assertThat(buckets.peek("a")).isZero();
		}
		assertThat(buckets.size()).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.peek("a")).isEqualTo(Duration.ofSeconds(30).toNanos());
	}

	@Test
	void shouldBehaveAsBucket4jsGreedyRefillAtEveryStep() {
		Random random = new Random(42);
		for (long[] limit : new long[][] { { 3, 3_000 }, { 10, 60_000 }, { 1, 500 }, { 100, 1_000 } }) {
			long capacity = limit[0];
			Duration period = Duration.ofMillis(limit[1]);
			ClientBuckets buckets = new ClientBuckets(capacity, period, 1_000, this.now::get);
			Map<String, Bucket> reference = new HashMap<>();
			TimeMeter clock = new TimeMeter() {
				@Override
				public long currentTimeNanos() {
					return ClientBucketsTests.this.now.get();
				}

				@Override
				public boolean isWallClockBased() {
					return false;
				}
			};
			long interval = period.toNanos() / capacity;
			for (int step = 0; step < 20_000; step++) {
				this.now.addAndGet((long) (random.nextDouble() * interval * 0.8));
				String client = "10.0.0." + random.nextInt(5);
				Bucket expected = reference.get(client);
				if (random.nextInt(4) == 0) {
					long wait = buckets.peek(client);
					if (expected == null) {
						assertThat(wait).isZero();
					}
					else {
						EstimationProbe probe = expected.estimateAbilityToConsume(1);
						assertThat(wait == 0).as("peek %d at step %d", capacity, step).isEqualTo(probe.canBeConsumed());
						assertThat(wait).isEqualTo(probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill());
					}
				}
				else {
					if (expected == null) {
						expected = Bucket.builder()
							.addLimit((spec) -> spec.capacity(capacity).refillGreedy(capacity, period))
							.withCustomTimePrecision(clock)
							.build();
						reference.put(client, expected);
					}
					ConsumptionProbe probe = expected.tryConsumeAndReturnRemaining(1);
					long wait = buckets.take(client);
					assertThat(wait == 0).as("take %d at step %d", capacity, step).isEqualTo(probe.isConsumed());
					assertThat(wait).isEqualTo(probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
				}
			}
		}
	}

	@Test
	void shouldForgetClientsWhoseBucketFilledUpAgain() {
		ClientBuckets buckets = new ClientBuckets(5, Duration.ofSeconds(10), 100_000, this.now::get);
		for (int round = 0; round < 20; round++) {
			for (int i = 0; i < 5_000; i++) {
				assertThat(buckets.take(round + "/" + i)).isZero();
			}
			this.now.addAndGet(Duration.ofSeconds(11).toNanos());
		}
		// each round's clients filled up again within the next: only about one round is
		// kept
		assertThat(buckets.size()).isLessThanOrEqualTo(10_000);
	}

	@Test
	void shouldLetClientsBeyondTheMostKeptThroughWithoutABucket() {
		ClientBuckets buckets = new ClientBuckets(1, Duration.ofHours(1), 160, this.now::get);
		for (int i = 0; i < 1_000; i++) {
			buckets.take("client " + i);
		}
		assertThat(buckets.size()).isBetween(100, 160);
		int refused = 0;
		for (int i = 0; i < 1_000; i++) {
			if (buckets.take("client " + i) > 0) {
				refused++;
			}
		}
		assertThat(refused).as("the clients kept are limited").isEqualTo(buckets.size());
		// once their buckets are full again, the sweep makes room for new clients
		this.now.addAndGet(Duration.ofHours(1).toNanos());
		assertThat(buckets.take("late")).isZero();
		assertThat(buckets.take("late")).isPositive();
	}

}
