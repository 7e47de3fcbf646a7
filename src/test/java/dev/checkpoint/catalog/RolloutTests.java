package dev.checkpoint.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.checkpoint.catalog.Rollout.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Who a rollout answers: the share of random signatures within one point of the target, a
 * developer's answer never going back as the share rises, an abort answering no one, a
 * pause holding, and clients without a signature waiting for 100 %.
 */
class RolloutTests {

	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	private static final List<UUID> SIGNATURES = signatures(100_000, 42);

	@ParameterizedTest
	@ValueSource(doubles = { 1, 5, 10, 25, 50, 75, 99 })
	void shouldAnswerTheTargetShareOfSignaturesWithinOnePoint(double percent) {
		Rollout rollout = new Rollout(List.of(new Stage(percent, T0)), Rollout.State.ACTIVE, null, null);

		long included = SIGNATURES.stream()
			.filter((signature) -> rollout.includes(signature, "acme", "2.0.0", T0))
			.count();

		assertThat(100.0 * included / SIGNATURES.size()).isCloseTo(percent, within(1.0));
	}

	@Test
	void shouldOnlyAddDevelopersAsTheStagesGoUp() {
		Rollout rollout = new Rollout(
				List.of(new Stage(5, T0), new Stage(25, T0.plus(Duration.ofDays(1))),
						new Stage(60, T0.plus(Duration.ofDays(2))), new Stage(100, T0.plus(Duration.ofDays(3)))),
				Rollout.State.ACTIVE, null, null);
		Set<UUID> before = Set.of();
		for (int day = 0; day <= 3; day++) {
			Instant at = T0.plus(Duration.ofDays(day)).plusSeconds(1);
			Set<UUID> now = SIGNATURES.stream()
				.filter((signature) -> rollout.includes(signature, "acme", "2.0.0", at))
				.collect(Collectors.toSet());
			assertThat(now.containsAll(before)).as("day %d keeps everyone answered before", day).isTrue();
			assertThat(now.size()).isGreaterThanOrEqualTo(before.size());
			before = now;
		}
		assertThat(before.size()).isEqualTo(SIGNATURES.size());
		assertThat(rollout.includes(SIGNATURES.get(0), "acme", "2.0.0", T0.minusSeconds(1)))
			.as("before the first stage")
			.isFalse();
	}

	@Test
	void shouldAnswerTheSameDeveloperAlikeForOneStageAndShuffleThemPerRelease() {
		UUID signature = SIGNATURES.get(7);
		assertThat(Rollout.bucket(signature, "acme", "2.0.0")).isEqualTo(Rollout.bucket(signature, "acme", "2.0.0"))
			.isBetween(0, Rollout.BUCKETS - 1);
		long sameOrder = SIGNATURES.stream()
			.limit(10_000)
			.filter((s) -> Rollout.bucket(s, "acme", "2.0.0") < 1000 && Rollout.bucket(s, "acme", "3.0.0") < 1000)
			.count();
		assertThat(sameOrder).as("the first 10 %% of 2.0.0 and of 3.0.0 overlap as chance has it").isBetween(60L, 150L);
	}

	@Test
	void shouldAnswerNoOneOnceAbortedAndHoldTheShareWhilePaused() {
		List<Stage> stages = List.of(new Stage(10, T0), new Stage(100, T0.plus(Duration.ofHours(1))));
		Rollout aborted = new Rollout(stages, Rollout.State.ABORTED, null, null);
		Rollout paused = new Rollout(stages, Rollout.State.PAUSED, T0.plusSeconds(60), 10.0);
		Instant later = T0.plus(Duration.ofHours(2));

		assertThat(SIGNATURES.stream().limit(10_000).anyMatch((s) -> aborted.includes(s, "acme", "2.0.0", later)))
			.isFalse();
		assertThat(aborted.includes(null, "acme", "2.0.0", later)).isFalse();
		assertThat(paused.percentAt(later)).isEqualTo(10);
		assertThat(paused.includes(null, "acme", "2.0.0", later)).as("no signature: only at 100 %").isFalse();
		Rollout done = new Rollout(stages, Rollout.State.ACTIVE, null, null);
		assertThat(done.includes(null, "acme", "2.0.0", later)).isTrue();
		assertThat(done.completeAt(later)).isTrue();
	}

	@Test
	void shouldRefuseStagesThatDoNotRise() {
		Instant now = T0;
		assertThat(RolloutService.stages(new RolloutRequest(20.0, null), now)).containsExactly(new Stage(20, now));
		assertThat(RolloutService.stages(new RolloutRequest(null,
				List.of(new RolloutRequest.StageRequest(5.0, null),
						new RolloutRequest.StageRequest(100.0, T0.plus(Duration.ofDays(1))))),
				now))
			.containsExactly(new Stage(5, now), new Stage(100, T0.plus(Duration.ofDays(1))));
		for (RolloutRequest refused : List.of(new RolloutRequest(null, null),
				new RolloutRequest(5.0, List.of(new RolloutRequest.StageRequest(5.0, null))),
				new RolloutRequest(null,
						List.of(new RolloutRequest.StageRequest(50.0, null),
								new RolloutRequest.StageRequest(25.0, T0))),
				new RolloutRequest(null,
						List.of(new RolloutRequest.StageRequest(5.0, T0), new RolloutRequest.StageRequest(25.0, null))),
				new RolloutRequest(null, List.of(new RolloutRequest.StageRequest(5.0, T0),
						new RolloutRequest.StageRequest(25.0, T0.minusSeconds(1)))))) {
			assertThatExceptionOfType(ErrorResponseException.class).as(refused.toString())
				.isThrownBy(() -> RolloutService.stages(refused, now))
				.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400));
		}
	}

	private static List<UUID> signatures(int count, long seed) {
		Random random = new Random(seed);
		List<UUID> signatures = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			signatures.add(new UUID(random.nextLong(), random.nextLong()));
		}
		return signatures;
	}

}
