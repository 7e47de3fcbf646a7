package dev.checkpoint;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
class CheckpointApplicationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldReportHealthUp() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.extractingPath("status")
			.isEqualTo("UP");
	}

	@Test
	void shouldServeOpenApiDocument() {
		assertThat(this.mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson().extractingPath("openapi").isNotNull();
	}

	@Test
	void shouldRefuseAdminApiWithoutCredentialsAsProblem() {
		assertThat(this.mvc.get().uri("/api/admin/products")).hasStatus(401)
			.bodyJson()
			.extractingPath("type")
			.isEqualTo("https://checkpoint.dev/problems/unauthorized");
	}

}
