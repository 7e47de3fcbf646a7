package dev.checkpoint.catalog;

import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A yanked release, through the admin API and the check route as the clients read it: its
 * clients are answered the release before it ({@code outdated} as PROTOCOL.md defines it)
 * and sent the reason once (with the field types PROTOCOL.md fixes), the others see
 * nothing of it, and restoring it takes all of that back.
 */
@CheckpointIntegrationTest
class YankIntegrationTests {

	private static final String PRODUCT = AdminApi.PREFIX + "yank";

	private static final String RELEASES = "/api/admin/products/{name}/releases";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Catalog catalog;

	AdminApi api;

	@BeforeEach
	void publishReleases() {
		this.api = new AdminApi(this.mvc, this.jdbc, this.json);
		this.api.clean();
		this.api.createProduct(PRODUCT);
		this.api.publishRelease(PRODUCT, "1.9.0");
		this.api.publishRelease(PRODUCT, "2.0.0");
	}

	@AfterEach
	void clean() {
		this.api.clean();
	}

	@Test
	void shouldAnswerTheReleaseBeforeAndTellTheYankedVersionsClientsWhy() {
		assertThat(this.api.post("""
				{"reason": "2.0.0 corrupts the cache: go back to 1.9.0", "level": "critical",
				 "url": "https://yank.test/2.0.0"}""", RELEASES + "/{version}/yank", PRODUCT, "2.0.0")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"{\"version\": \"2.0.0\", \"yank_reason\": \"2.0.0 corrupts the cache: go back to 1.9.0\"}");
		this.catalog.refresh();
		UUID signature = UUID.randomUUID();

		assertThat(check("2.0.0", signature)).bodyJson().extractingPath("$.alerts").asArray().hasSize(1);
		MvcTestResult yanked = check("2.0.0", UUID.randomUUID());
		assertThat(yanked).bodyJson().extractingPath("$.current_version").isEqualTo("1.9.0");
		assertThat(yanked).bodyJson()
			.extractingPath("$.outdated")
			.as("PROTOCOL.md: version < current_version, and 2.0.0 is not")
			.isEqualTo(false);
		assertThat(yanked).bodyJson()
			.extractingPath("$.alerts[0].message")
			.isEqualTo("2.0.0 corrupts the cache: go back to 1.9.0");
		assertThat(yanked).bodyJson().extractingPath("$.alerts[0].level").isEqualTo("critical");
		assertThat(yanked).bodyJson().extractingPath("$.alerts[0].url").isEqualTo("https://yank.test/2.0.0");
		assertThat(yanked).bodyJson().extractingPath("$.alerts[0].id").isInstanceOf(Integer.class);
		assertThat(yanked).bodyJson().extractingPath("$.alerts[0].date").isInstanceOf(Integer.class);
		assertThat(check("2.0.0", signature)).bodyJson()
			.extractingPath("$.alerts")
			.asArray()
			.as("sent once per signature")
			.isEmpty();
		MvcTestResult older = check("1.9.0", UUID.randomUUID());
		assertThat(older).bodyJson().extractingPath("$.outdated").isEqualTo(false);
		assertThat(older).bodyJson().extractingPath("$.alerts").asArray().isEmpty();
		assertThat(this.api.auditActions(PRODUCT + "@2.0.0")).containsExactly("release.published", "release.yanked");

		assertThat(this.api.put("{}", RELEASES + "/{version}", PRODUCT, "2.0.0")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.yank_reason")
			.isNull();
		this.catalog.refresh();
		MvcTestResult restored = check("2.0.0", UUID.randomUUID());
		assertThat(restored).bodyJson().extractingPath("$.current_version").isEqualTo("2.0.0");
		assertThat(restored).bodyJson().extractingPath("$.outdated").isEqualTo(false);
		assertThat(restored).bodyJson().extractingPath("$.alerts").asArray().isEmpty();
	}

	@Test
	void shouldYankWithoutAnAlertWhenNotWantedAndRefuseAYankWithoutAReason() {
		assertThat(this.api.post("{\"reason\": \"superseded\", \"alert\": false}", RELEASES + "/{version}/yank",
				PRODUCT, "2.0.0"))
			.hasStatusOk();
		this.catalog.refresh();
		MvcTestResult yanked = check("2.0.0", UUID.randomUUID());
		assertThat(yanked).bodyJson().extractingPath("$.current_version").isEqualTo("1.9.0");
		assertThat(yanked).bodyJson().extractingPath("$.outdated").isEqualTo(false);
		assertThat(yanked).bodyJson().extractingPath("$.alerts").asArray().isEmpty();

		assertThat(this.api.post("{\"level\": \"critical\"}", RELEASES + "/{version}/yank", PRODUCT, "1.9.0"))
			.hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("{\"errors\": [{\"field\": \"reason\"}]}");
		assertThat(this.api.post("{\"reason\": \"x\"}", RELEASES + "/{version}/yank", PRODUCT, "9.9.9")).hasStatus(404);
	}

	private MvcTestResult check(String version, UUID signature) {
		return this.mvc.get()
			.uri("/v1/check/{name}?version={version}&signature={signature}", PRODUCT, version, signature)
			.exchange();
	}

}
