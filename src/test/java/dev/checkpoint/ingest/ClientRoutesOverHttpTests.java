package dev.checkpoint.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.catalog.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.jdbc.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client routes through the real HTTP stack (Tomcat's decoding and limits), as the
 * clients in the field reach them.
 */
@CheckpointIntegrationTest
@Sql({ "/fixtures/clean-pings.sql", "/fixtures/acme-catalog.sql" })
class ClientRoutesOverHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalog catalog;

	@BeforeEach
	void refreshCatalog() {
		this.catalog.refresh();
	}

	@Test
	void shouldDecodePlusAndPercentAsSpace() throws Exception {
		HttpResponse<String> response = get("/v1/check/acme?ci_name=GitHub+Actions&command=migrate%20dev&version=");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select ci_name, command, version from ping_details").query().singleRow())
			.isEqualTo(Map.of("ci_name", "GitHub Actions", "command", "migrate dev", "version", ""));
	}

	@Test
	void shouldAcceptSixteenKibUrlAndStoreTruncatedCommand() throws Exception {
		HttpResponse<String> response = get("/v1/check/acme?version=1.0.0&command=" + "c".repeat(16 * 1024));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(this.jdbc.sql("select length(command) from pings").query(Integer.class).single())
			.isEqualTo(PingFactory.LONG_LIMIT);
	}

	@Test
	void shouldAnswerRunReportWith201WithoutRedirect() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri("/v1/telemetry/acme"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"1.0.0\",\"signature\":\"\"}"))
			.build();
		assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
