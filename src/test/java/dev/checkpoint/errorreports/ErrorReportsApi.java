package dev.checkpoint.errorreports;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends crash reports and calls the operator API. Every report comes from its own client
 * address, so the per-client rate limit only bites where a test wants it to.
 */
final class ErrorReportsApi {

	static final String PRODUCT = "errtest-cli";

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	private final MockMvcTester mvc;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ErrorReportsApi(MockMvcTester mvc, JdbcClient jdbc, JsonMapper json) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.json = json;
	}

	static RequestPostProcessor operator() {
		return SecurityMockMvcRequestPostProcessors.user("ops").roles("OPERATOR");
	}

	static RequestPostProcessor fromNewClient() {
		int client = CLIENTS.incrementAndGet();
		return (request) -> {
			request.setRemoteAddr("10.%d.%d.%d".formatted((client >> 16) & 255, (client >> 8) & 255, client & 255));
			return request;
		};
	}

	/** A complete, consented report whose fields tests replace as they need. */
	ObjectNode report() {
		ObjectNode report = this.json.createObjectNode();
		report.put("product", PRODUCT);
		report.put("version", "6.1.0");
		report.put("os", "linux");
		report.put("arch", "x64");
		report.put("node_version", "v20.11.0");
		report.put("signature", "0d3b2a1c-1111-4222-8333-944445555666");
		report.put("command", "prisma migrate dev --name init");
		report.put("error_message", "Cannot read properties of undefined (reading 'id')");
		report.put("stack_trace", """
				TypeError: Cannot read properties of undefined (reading 'id')
				    at migrate (/home/alice/project/node_modules/prisma/build/index.js:1200:15)
				    at async Object.run (/home/alice/project/node_modules/prisma/build/index.js:98:7)
				    at async main (/home/alice/project/node_modules/prisma/build/index.js:12:3)""");
		report.put("consent", true);
		return report;
	}

	MvcTestResult send(String body) {
		return send(PRODUCT, body);
	}

	MvcTestResult send(String product, String body) {
		return this.mvc.post()
			.uri("/v1/errors/{product}", product)
			.with(fromNewClient())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	/** Sends the report, asserts 201 and answers its id. */
	UUID store(JsonNode report) {
		MvcTestResult result = send(report.toString());
		assertThat(result).hasStatus(201);
		return UUID.fromString(body(result).get("id").asString());
	}

	MvcTestResult get(String uri, Object... variables) {
		return this.mvc.get().uri(uri, variables).with(operator()).exchange();
	}

	MvcTestResult post(String uri, Object... variables) {
		return this.mvc.post().uri(uri, variables).with(operator()).exchange();
	}

	JsonNode body(MvcTestResult result) {
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	UUID groupOf(UUID report) {
		return this.jdbc.sql("select group_id from error_reports where id = ?")
			.param(report)
			.query(UUID.class)
			.single();
	}

	long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/** The error report tables belong to these tests alone; audit entries are shared. */
	void clean() {
		clean(this.jdbc);
	}

	static void clean(JdbcClient jdbc) {
		jdbc.sql("delete from error_reports").update();
		jdbc.sql("delete from error_groups").update();
		jdbc.sql("delete from audit_events where entity_type = 'error_group'").update();
	}

}
