package dev.checkpoint.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staged rollout through the admin API and the check answers: a share of signatures
 * answered the new release (the rest, and clients without a signature, the previous one),
 * advance, pause, abort, each audited and answered after the catalogue refreshes.
 */
@CheckpointIntegrationTest
@RecordApplicationEvents
class RolloutIntegrationTests {

	private static final String PRODUCT = AdminApi.PREFIX + "rollout";

	private static final String ROLLOUT = "/api/admin/products/{name}/releases/{version}/rollout";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Catalog catalog;

	@Autowired
	RolloutService rollouts;

	@Autowired
	ApplicationEvents events;

	AdminApi api;

	private final List<UUID> signatures = new Random(3).ints(4000)
		.mapToObj((i) -> new UUID(i * 2654435761L, ~i))
		.toList();

	@BeforeEach
	void publishStableRelease() {
		this.api = new AdminApi(this.mvc, this.jdbc, this.json);
		this.api.clean();
		this.api.createProduct(PRODUCT);
		this.api.publishRelease(PRODUCT, "1.0.0");
	}

	@AfterEach
	void clean() {
		this.api.clean();
	}

	@Test
	void shouldAnswerAShareOfSignaturesTheRolledOutRelease() {
		assertThat(this.api.post("{\"version\": \"2.0.0\", \"rollout\": {\"percent\": 30}}",
				"/api/admin/products/{name}/releases", PRODUCT))
			.hasStatus(201);
		this.catalog.refresh();

		double share = shareAnswered("2.0.0");
		assertThat(share).isBetween(27.0, 33.0);
		assertThat(current(null, "1.0.0")).as("no signature: the release before").isEqualTo("1.0.0");
		UUID inside = this.signatures.stream().filter((s) -> "2.0.0".equals(current(s, "1.0.0"))).findFirst().get();
		assertThat(this.catalog.answer(PRODUCT, "1.0.0", "linux", "x64", inside).get().outdated()).isTrue();
		UUID outside = this.signatures.stream().filter((s) -> "1.0.0".equals(current(s, "1.0.0"))).findFirst().get();
		assertThat(this.catalog.answer(PRODUCT, "1.0.0", "linux", "x64", outside).get().outdated())
			.as("up to date with what it is answered")
			.isFalse();
		assertThat(this.api.get(ROLLOUT, PRODUCT, "2.0.0")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"state\": \"active\", \"percent\": 30.0, \"complete\": false}");

		assertThat(this.api.post("", ROLLOUT + "/abort", PRODUCT, "2.0.0")).hasStatusOk();
		this.catalog.refresh();
		assertThat(shareAnswered("2.0.0")).as("an abort answers the release before at once").isZero();
		assertThat(this.api.post("", ROLLOUT + "/pause", PRODUCT, "2.0.0")).hasStatus(409);
		assertThat(this.api.auditActions(PRODUCT + "@2.0.0")).containsExactly("release.published",
				"release.rollout-aborted");
	}

	@Test
	void shouldAdvancePauseAndResumeAScheduleWithoutTakingAnyoneBack() {
		this.api.publishRelease(PRODUCT, "2.0.0");
		assertThat(this.api.put("""
				{"stages": [{"percent": 10}, {"percent": 50, "at": "2999-01-01T00:00:00Z"},
				  {"percent": 100, "at": "2999-02-01T00:00:00Z"}]}""", ROLLOUT, PRODUCT, "2.0.0")).hasStatusOk();
		this.catalog.refresh();
		List<UUID> first = answered("2.0.0");
		assertThat(100.0 * first.size() / this.signatures.size()).isBetween(8.0, 12.0);

		assertThat(this.api.post("", ROLLOUT + "/advance", PRODUCT, "2.0.0")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"percent\": 50.0}");
		this.catalog.refresh();
		List<UUID> second = answered("2.0.0");
		assertThat(second).containsAll(first);
		assertThat(100.0 * second.size() / this.signatures.size()).isBetween(47.0, 53.0);

		assertThat(this.api.post("", ROLLOUT + "/pause", PRODUCT, "2.0.0")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"state\": \"paused\", \"percent\": 50.0}");
		assertThat(this.api.post("", ROLLOUT + "/advance", PRODUCT, "2.0.0")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"state\": \"active\", \"percent\": 100.0, \"complete\": true}");
		this.catalog.refresh();
		assertThat(shareAnswered("2.0.0")).isEqualTo(100.0);
		assertThat(current(null, "1.0.0")).as("at 100 %% also without a signature").isEqualTo("2.0.0");
		assertThat(this.api.auditActions(PRODUCT + "@2.0.0")).containsExactly("release.published",
				"release.rollout-started", "release.rollout-advanced", "release.rollout-paused",
				"release.rollout-advanced");
	}

	@Test
	void shouldAnnounceAScheduledStageOnceWhenItsTimeComes() {
		this.api.publishRelease(PRODUCT, "2.0.0");
		assertThat(this.api.put("{\"stages\": [{\"percent\": 5}, {\"percent\": 40, \"at\": \"2999-01-01T00:00:00Z\"}]}",
				ROLLOUT, PRODUCT, "2.0.0"))
			.hasStatusOk();
		this.events.clear();

		assertThat(this.rollouts.announceStartedStages(Instant.parse("2998-12-31T23:59:59Z"))).isZero();
		assertThat(this.rollouts.announceStartedStages(Instant.parse("2999-01-01T00:00:01Z"))).isOne();
		assertThat(this.rollouts.announceStartedStages(Instant.parse("2999-01-01T00:00:02Z"))).as("once").isZero();
		assertThat(this.events.stream(RolloutChanged.class))
			.containsExactly(new RolloutChanged(PRODUCT, "2.0.0", "stage", "active", 40.0));
	}

	@Test
	void shouldRefuseABadRolloutWithAProblemNamingTheField() {
		assertThat(this.api.post("{\"version\": \"2.0.0\", \"rollout\": {\"percent\": 130}}",
				"/api/admin/products/{name}/releases", PRODUCT))
			.hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("{\"errors\": [{\"field\": \"rollout.percent\"}]}");
		assertThat(this.api.get("/api/admin/products/{name}/releases/{version}", PRODUCT, "2.0.0")).hasStatus(404);
		this.api.publishRelease(PRODUCT, "2.0.0");
		assertThat(
				this.api.put("{\"stages\": [{\"percent\": 50}, {\"percent\": 20, \"at\": \"2999-01-01T00:00:00Z\"}]}",
						ROLLOUT, PRODUCT, "2.0.0"))
			.hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("{\"errors\": [{\"field\": \"rollout.stages[1].percent\"}]}");
		assertThat(this.api.get(ROLLOUT, PRODUCT, "2.0.0")).hasStatus(404);
	}

	private double shareAnswered(String version) {
		return 100.0 * answered(version).size() / this.signatures.size();
	}

	private List<UUID> answered(String version) {
		return this.signatures.stream().filter((signature) -> version.equals(current(signature, "1.0.0"))).toList();
	}

	private @Nullable String current(@Nullable UUID signature, String clientVersion) {
		ReleaseView current = this.catalog.answer(PRODUCT, clientVersion, "linux", "x64", signature)
			.orElseThrow()
			.current();
		return (current != null) ? current.version() : null;
	}

}
