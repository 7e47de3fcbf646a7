package dev.checkpoint.catalog;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the admin API as an admin, and removes what the catalogue tests created: every
 * product, service and audit key they use starts with {@value #PREFIX}, because other
 * test classes share the database.
 */
final class AdminApi {

	static final String PREFIX = "admintest-";

	private final MockMvcTester mvc;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AdminApi(MockMvcTester mvc, JdbcClient jdbc, JsonMapper json) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.json = json;
	}

	static RequestPostProcessor admin() {
		return SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN");
	}

	MvcTestResult get(String uri, Object... variables) {
		return this.mvc.get().uri(uri, variables).with(admin()).exchange();
	}

	MvcTestResult post(String body, String uri, Object... variables) {
		return this.mvc.post()
			.uri(uri, variables)
			.with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult put(String body, String uri, Object... variables) {
		return this.mvc.put()
			.uri(uri, variables)
			.with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult delete(String uri, Object... variables) {
		return this.mvc.delete().uri(uri, variables).with(admin()).exchange();
	}

	/** Creates a product with the given name and asserts that it worked. */
	void createProduct(String name) {
		assertThat(post("""
				{"name": "%s", "package_name": "%s-cli", "website": "https://%s.test",
				 "install_command": "npm install {package}@{tag}"}""".formatted(name, name, name),
				"/api/admin/products"))
			.hasStatus(201);
	}

	/** Publishes a release of a product and asserts that it worked. */
	void publishRelease(String product, String version) {
		assertThat(post("{\"version\": \"%s\"}".formatted(version), "/api/admin/products/{name}/releases", product))
			.hasStatus(201);
	}

	JsonNode body(MvcTestResult result) {
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	/** The audit actions recorded for one entity key, oldest first. */
	List<String> auditActions(String entityKey) {
		return this.jdbc.sql("select action from audit_events where entity_key = ? order by id")
			.param(entityKey)
			.query(String.class)
			.list();
	}

	void clean() {
		String like = PREFIX + "%";
		this.jdbc.sql("delete from notices where product_id in (select id from products where name like ?)")
			.param(like)
			.update();
		this.jdbc.sql("delete from releases where product_id in (select id from products where name like ?)")
			.param(like)
			.update();
		this.jdbc.sql("delete from products where name like ?").param(like).update();
		this.jdbc.sql("delete from version_constraints where service like ?").param(like).update();
		this.jdbc.sql("delete from audit_events where entity_key like ?").param(like).update();
		this.jdbc.sql("delete from pings where product_id in (select id from ping_products where name like ?)")
			.param(like)
			.update();
		this.jdbc.sql("delete from monthly_actives where product like ?").param(like).update();
		this.jdbc.sql("delete from monthly_anonymous where product like ?").param(like).update();
	}

}
