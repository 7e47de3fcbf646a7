package dev.checkpoint.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.checkpoint.shared.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Starts, pauses, resumes, advances and aborts the staged rollout of a release. Every
 * change is audited and refreshes the catalogue (this instance at once, the others within
 * the refresh interval); the schedule itself moves at check time, without a refresh.
 */
@Service
class RolloutService {

	private final ProductRepository products;

	private final ReleaseRepository releases;

	private final RolloutStore store;

	private final CatalogChanges changes;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RolloutService(ProductRepository products, ReleaseRepository releases, RolloutStore store, CatalogChanges changes,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.products = products;
		this.releases = releases;
		this.store = store;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	RolloutResponse get(String productName, String version) {
		Release release = release(productName, version);
		Rollout rollout = this.store.find(release.getId(), false).orElseThrow(() -> notFound(productName, version));
		return RolloutResponse.of(productName, version, rollout, now());
	}

	/** Gives the release a rollout (replacing any it had). */
	@Transactional
	RolloutResponse start(String productName, String version, RolloutRequest request) {
		Release release = release(productName, version);
		Rollout rollout = new Rollout(stages(request, now()), Rollout.State.ACTIVE, null, null);
		return save("release.rollout-started", productName, release, rollout);
	}

	/**
	 * Announces the scheduled stages that started since the last announcement
	 * ({@link RolloutChanged} with action {@code stage}), each once across instances.
	 * @return how many rollouts moved
	 */
	@Transactional
	int announceStartedStages() {
		return announceStartedStages(this.clock.instant());
	}

	@Transactional
	int announceStartedStages(Instant now) {
		List<RolloutStore.StageStarted> started = this.store.takeStartedStages(now);
		for (RolloutStore.StageStarted stage : started) {
			this.events.publishEvent(new RolloutChanged(stage.product(), stage.version(), "stage",
					stage.rollout().state().key(), stage.rollout().percentAt(now)));
		}
		return started.size();
	}

	/** Holds the share it has now. */
	@Transactional
	RolloutResponse pause(String productName, String version) {
		Release release = release(productName, version);
		Rollout rollout = changeable(release, productName, version);
		if (rollout.state() == Rollout.State.PAUSED) {
			return RolloutResponse.of(productName, version, rollout, now());
		}
		Instant now = now();
		return save("release.rollout-paused", productName, release,
				new Rollout(rollout.stages(), Rollout.State.PAUSED, now, rollout.scheduledAt(now)));
	}

	/**
	 * Goes on with the schedule, its stages still to come moved by the pause's length.
	 */
	@Transactional
	RolloutResponse resume(String productName, String version) {
		Release release = release(productName, version);
		Rollout rollout = changeable(release, productName, version);
		if (rollout.state() == Rollout.State.ACTIVE) {
			return RolloutResponse.of(productName, version, rollout, now());
		}
		return save("release.rollout-resumed", productName, release, resumed(rollout, now()));
	}

	/**
	 * Starts the next stage now (100 % when the schedule has none left); resumes a pause.
	 */
	@Transactional
	RolloutResponse advance(String productName, String version) {
		Release release = release(productName, version);
		Rollout rollout = changeable(release, productName, version);
		Instant now = now();
		Rollout active = (rollout.state() == Rollout.State.PAUSED) ? resumed(rollout, now) : rollout;
		double current = active.percentAt(now);
		List<Rollout.Stage> stages = new ArrayList<>();
		boolean advanced = false;
		for (Rollout.Stage stage : active.stages()) {
			if (!advanced && stage.percent() > current) {
				stages.add(new Rollout.Stage(stage.percent(), now));
				advanced = true;
			}
			else {
				stages.add(stage);
			}
		}
		if (!advanced) {
			stages.add(new Rollout.Stage(100, now));
		}
		return save("release.rollout-advanced", productName, release,
				new Rollout(List.copyOf(stages), Rollout.State.ACTIVE, null, null));
	}

	/** Answers the release to no one, at once: its channel's previous release again. */
	@Transactional
	RolloutResponse abort(String productName, String version) {
		Release release = release(productName, version);
		Rollout rollout = require(release, productName, version);
		if (rollout.state() == Rollout.State.ABORTED) {
			return RolloutResponse.of(productName, version, rollout, now());
		}
		return save("release.rollout-aborted", productName, release,
				new Rollout(rollout.stages(), Rollout.State.ABORTED, rollout.pausedAt(), rollout.pausedPercent()));
	}

	/**
	 * The stages a request asks for, checked: shares rising, times in order, the first
	 * from {@code now} when it has none.
	 */
	static List<Rollout.Stage> stages(RolloutRequest request, Instant now) {
		if ((request.percent() == null) == (request.stages() == null)) {
			throw Problems.invalidField("rollout", "must have either percent or stages");
		}
		if (request.percent() != null) {
			return List.of(new Rollout.Stage(request.percent(), now));
		}
		List<Rollout.Stage> stages = new ArrayList<>();
		List<RolloutRequest.StageRequest> requested = request.stages();
		for (int i = 0; i < requested.size(); i++) {
			RolloutRequest.StageRequest stage = requested.get(i);
			Instant at = stage.at();
			if (at == null && i > 0) {
				throw Problems.invalidField("rollout.stages[" + i + "].at", "must be set on every stage but the first");
			}
			at = (at != null) ? at.truncatedTo(ChronoUnit.MICROS) : now;
			if (i > 0) {
				Rollout.Stage before = stages.get(i - 1);
				if (stage.percent() <= before.percent()) {
					throw Problems.invalidField("rollout.stages[" + i + "].percent",
							"must be more than the stage before");
				}
				if (at.isBefore(before.at())) {
					throw Problems.invalidField("rollout.stages[" + i + "].at", "must not be before the stage before");
				}
			}
			stages.add(new Rollout.Stage(stage.percent(), at));
		}
		return List.copyOf(stages);
	}

	private static Rollout resumed(Rollout rollout, Instant now) {
		Instant pausedAt = (rollout.pausedAt() != null) ? rollout.pausedAt() : now;
		Duration pause = Duration.between(pausedAt, now);
		List<Rollout.Stage> stages = rollout.stages()
			.stream()
			.map((stage) -> stage.at().isAfter(pausedAt) ? new Rollout.Stage(stage.percent(), stage.at().plus(pause))
					: stage)
			.toList();
		return new Rollout(stages, Rollout.State.ACTIVE, null, null);
	}

	private RolloutResponse save(String action, String productName, Release release, Rollout rollout) {
		Instant now = now();
		this.store.save(release.getId(), rollout, now);
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("state", rollout.state().key());
		details.put("percent", rollout.percentAt(now));
		details.put("stages",
				rollout.stages()
					.stream()
					.map((stage) -> Map.of("percent", stage.percent(), "at", stage.at().toString()))
					.toList());
		this.changes.record(action, "release", productName + "@" + release.getVersion(), details);
		this.events.publishEvent(new RolloutChanged(productName, release.getVersion(),
				action.substring("release.rollout-".length()), rollout.state().key(), rollout.percentAt(now)));
		return RolloutResponse.of(productName, release.getVersion(), rollout, now);
	}

	private Rollout changeable(Release release, String productName, String version) {
		Rollout rollout = require(release, productName, version);
		if (rollout.state() == Rollout.State.ABORTED) {
			throw Problems.conflict("Rollout aborted", "The rollout of " + productName + "@" + version
					+ " was aborted; PUT a new rollout to start again.");
		}
		return rollout;
	}

	private Rollout require(Release release, String productName, String version) {
		return this.store.find(release.getId(), true).orElseThrow(() -> notFound(productName, version));
	}

	private Release release(String productName, String version) {
		return this.releases.require(this.products.require(productName), version);
	}

	private static ErrorResponseException notFound(String productName, String version) {
		return Problems.notFound("Rollout not found",
				"The release " + productName + "@" + version + " has no rollout.");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
