package dev.checkpoint.reports;

import java.nio.charset.StandardCharsets;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's redirect through the real Tomcat, which would otherwise make the
 * Location absolute from the request's Host header.
 */
@CheckpointIntegrationTest
class DashboardRedirectIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void shouldRedirectRelativelyWhenHostHeaderIsHostile() throws Exception {
		RawHttp.Response response = RawHttp.send(this.port,
				"GET /dashboard HTTP/1.1\r\nHost: evil.example".getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).doesNotContain("evil.example").isEqualTo("/dashboard/");
	}

}
