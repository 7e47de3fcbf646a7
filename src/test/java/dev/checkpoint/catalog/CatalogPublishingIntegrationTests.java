package dev.checkpoint.catalog;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an admin publishes is answered by the check endpoint at once, without waiting for
 * the scheduled refresh.
 */
@CheckpointIntegrationTest
class CatalogPublishingIntegrationTests {

	private static final String PRODUCT = AdminApi.PREFIX + "e2e";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	AdminApi api;

	@BeforeEach
	void cleanUp() {
		this.api = new AdminApi(this.mvc, this.jdbc, this.json);
		this.api.clean();
	}

	@Test
	void shouldAnswerPublishedReleaseAndNoticeAtOnce() {
		this.api.createProduct(PRODUCT);
		this.api.post("""
				{"version": "1.0.0", "released_at": "2024-05-01T00:00:00Z",
				 "download_url": "https://e2e.test/1.0.0"}""", "/api/admin/products/{name}/releases", PRODUCT);
		this.api.post("""
				{"version": "1.1.0", "released_at": "2024-06-01T00:00:00Z",
				 "download_url": "https://e2e.test/1.1.0"}""", "/api/admin/products/{name}/releases", PRODUCT);
		MvcTestResult notice = this.api.post("""
				{"message": "Token leak in 1.0", "level": "critical", "version_range": "<1.1.0",
				 "os": "linux", "url": "https://e2e.test/sa-1"}""", "/api/admin/products/{name}/notices", PRODUCT);
		int noticeId = this.api.body(notice).get("id").asInt();

		JsonNode answer = check("1.0.0", "linux", "x64");
		assertThat(answer.get("current_version").asString()).isEqualTo("1.1.0");
		assertThat(answer.get("current_release").asLong()).isEqualTo(1717200000L);
		assertThat(answer.get("current_download_url").asString()).isEqualTo("https://e2e.test/1.1.0");
		assertThat(answer.get("outdated").asBoolean()).isTrue();
		assertThat(answer.get("package").asString()).isEqualTo(PRODUCT + "-cli");
		assertThat(answer.get("alerts").size()).isEqualTo(1);
		assertThat(answer.get("alerts").get(0).get("id").isInt()).isTrue();
		assertThat(answer.get("alerts").get(0).get("id").asInt()).isEqualTo(noticeId);
		assertThat(answer.get("alerts").get(0).get("level").asString()).isEqualTo("critical");
		assertThat(check("1.0.0", "darwin", "arm64").get("alerts").size()).isZero();
		assertThat(check("1.1.0", "linux", "x64").get("outdated").asBoolean()).isFalse();
	}

	@Test
	void shouldAnswerPreviousReleaseWhenCurrentOneIsRetired() {
		this.api.createProduct(PRODUCT);
		this.api.publishRelease(PRODUCT, "1.0.0");
		this.api.publishRelease(PRODUCT, "1.1.0");
		assertThat(check("1.0.0", "linux", "x64").get("current_version").asString()).isEqualTo("1.1.0");

		assertThat(this.api.delete("/api/admin/products/{name}/releases/{version}", PRODUCT, "1.1.0")).hasStatus(204);

		JsonNode answer = check("1.0.0", "linux", "x64");
		assertThat(answer.get("current_version").asString()).isEqualTo("1.0.0");
		assertThat(answer.get("outdated").asBoolean()).isFalse();
	}

	@Test
	void shouldAnswerDevChannelSeparatelyWhenDevReleaseIsPublished() {
		this.api.createProduct(PRODUCT);
		this.api.publishRelease(PRODUCT, "1.0.0");
		this.api.publishRelease(PRODUCT, "1.1.0-dev.2");
		JsonNode dev = check("1.1.0-dev.1", "linux", "x64");
		assertThat(dev.get("current_version").asString()).isEqualTo("1.1.0-dev.2");
		assertThat(dev.get("release_tag").asString()).isEqualTo("dev");
		assertThat(dev.get("install_command").asString()).isEqualTo("npm install " + PRODUCT + "-cli@dev");
		assertThat(check("1.0.0", "linux", "x64").get("current_version").asString()).isEqualTo("1.0.0");
	}

	@Test
	void shouldStopSendingAlertWhenNoticeIsRetired() {
		this.api.createProduct(PRODUCT);
		this.api.publishRelease(PRODUCT, "1.0.0");
		MvcTestResult notice = this.api.post("{\"message\": \"Heads up\", \"level\": \"info\"}",
				"/api/admin/products/{name}/notices", PRODUCT);
		int noticeId = this.api.body(notice).get("id").asInt();
		assertThat(check("1.0.0", "linux", "x64").get("alerts").size()).isEqualTo(1);
		this.api.delete("/api/admin/products/{name}/notices/{id}", PRODUCT, noticeId);
		assertThat(check("1.0.0", "linux", "x64").get("alerts").size()).isZero();
	}

	@Test
	void shouldCommitNoticeDeliveriesWhenRefreshedAfterAdminChange() {
		this.api.createProduct(PRODUCT);
		MvcTestResult notice = this.api.post("{\"message\": \"Heads up\", \"level\": \"info\"}",
				"/api/admin/products/{name}/notices", PRODUCT);
		int noticeId = this.api.body(notice).get("id").asInt();
		assertThat(this.mvc.get()
			.uri("/v1/check/{product}?version=1.0.0&signature=6ba7b810-9dad-41d1-80b4-00c04fd430c9", PRODUCT))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.alerts[0].id")
			.isEqualTo(noticeId);
		this.api.put("{}", "/api/admin/products/{name}", PRODUCT);
		assertThat(this.jdbc.sql("select count(*) from notice_deliveries where notice_id = ?")
			.param(noticeId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private JsonNode check(String version, String os, String arch) {
		MvcTestResult result = this.mvc.get()
			.uri("/v1/check/{product}?version={version}&os={os}&arch={arch}", PRODUCT, version, os, arch)
			.exchange();
		assertThat(result).hasStatusOk();
		return this.api.body(result);
	}

}
