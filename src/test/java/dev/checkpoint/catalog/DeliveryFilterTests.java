package dev.checkpoint.catalog;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryFilterTests {

	@Test
	void shouldAnswerMaybeForEveryAddedPairAndNoForAlmostAllOthersWhenFilledToCapacity() {
		DeliveryFilter filter = new DeliveryFilter(10_000);
		List<DeliveryKey> added = IntStream.range(0, 10_000).mapToObj((i) -> key(i % 3)).toList();
		added.forEach(filter::add);

		assertThat(added).allMatch(filter::mightContain);
		long wrong = IntStream.range(0, 100_000).filter((i) -> filter.mightContain(key(i % 3))).count();
		assertThat(wrong / 100_000.0).as("false positive rate").isLessThan(0.015);
		assertThat(filter.pairs()).isBetween(9_900L, 10_000L);
	}

	@Test
	void shouldTellPairsOfOneSignatureWithOtherNoticesApart() {
		DeliveryFilter filter = new DeliveryFilter(1_000);
		UUID signature = UUID.randomUUID();
		assertThat(filter.add(DeliveryKey.of(7, signature))).isTrue();
		assertThat(filter.add(DeliveryKey.of(7, signature))).as("added again").isFalse();
		assertThat(filter.mightContain(DeliveryKey.of(7, signature))).isTrue();
		assertThat(filter.mightContain(DeliveryKey.of(8, signature))).isFalse();
		assertThat(filter.pairs()).isEqualTo(1);
	}

	private static DeliveryKey key(int notice) {
		return DeliveryKey.of(notice, UUID.randomUUID());
	}

}
