package dev.checkpoint.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.CheckpointApplication;
import dev.checkpoint.TestcontainersConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-time admin setup token, on servers started as an operator starts them (a web
 * server, no bootstrap token) on the test database, which this test first leaves without
 * a live ADMIN token: the first start writes the token owner-only and logs where; the
 * token creates a named ADMIN token and then stops working; a start that finds an ADMIN
 * token or a bootstrap token writes none; instances making it at the same moment make
 * one.
 */
@CheckpointIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminSetupTokenIntegrationTests {

	private static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiTokenService tokens;

	@TempDir
	Path directory;

	@BeforeEach
	void leaveNoLiveAdminToken() {
		this.jdbc.sql("delete from api_tokens where name like 'setuptest-%'").update();
		this.jdbc.sql("update api_tokens set revoked_at = now() where role = 'ADMIN' and revoked_at is null").update();
		deleteSetupToken();
	}

	@AfterEach
	void deleteSetupToken() {
		this.jdbc.sql("delete from admin_setup_token").update();
	}

	@Test
	void shouldWriteTheTokenOwnerOnlyAndLogOnlyItsPathWhenTheFirstStartFindsNoAdminToken(CapturedOutput output)
			throws Exception {
		Path file = this.directory.resolve("data").resolve("admin-setup-token");
		try (ConfigurableApplicationContext server = start(file, "")) {
			assertThat(file).exists();
			assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE);
			assertThat(Files.getPosixFilePermissions(file.getParent())).containsExactlyInAnyOrder(
					PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
			String token = Files.readString(file).strip();
			assertThat(token).startsWith(TokenHashes.PREFIX).hasSameSizeAs(TokenHashes.newToken());
			assertThat(storedHash()).contains(TokenHashes.hash(token));
			assertThat(output).contains("the one-time admin setup token is in " + file).doesNotContain(token);
		}
	}

	@Test
	void shouldCreateANamedAdminTokenWithTheSetupTokenAndThenRefuseIt() throws Exception {
		Path file = this.directory.resolve("admin-setup-token");
		try (ConfigurableApplicationContext server = start(file, "")) {
			String setup = Files.readString(file).strip();
			assertThat(create(server, setup, "setuptest-operator", "OPERATOR").statusCode()).isEqualTo(201);
			assertThat(listTokens(server, setup)).as("after an OPERATOR token").isEqualTo(200);

			HttpResponse<String> created = create(server, setup, "setuptest-admin", "ADMIN");
			assertThat(created.statusCode()).isEqualTo(201);
			String admin = this.json.readTree(created.body()).get("token").asString();
			assertThat(listTokens(server, admin)).isEqualTo(200);
			assertThat(listTokens(server, setup)).as("after an ADMIN token").isEqualTo(401);
			assertThat(file).doesNotExist();
			assertThat(storedHash()).isEmpty();
			assertThat(this.jdbc.sql("select created_by from api_tokens where name = 'setuptest-admin'")
				.query(String.class)
				.single()).isEqualTo(AdminSetupToken.NAME);
		}
		try (ConfigurableApplicationContext restarted = start(file, "")) {
			assertThat(file).doesNotExist();
			assertThat(storedHash()).isEmpty();
		}
	}

	@Test
	void shouldWriteNoTokenAndDeleteAnOldFileWhenAStartFindsALiveAdminToken() throws Exception {
		this.tokens.create("setuptest-existing", Role.ADMIN, "test");
		Path file = this.directory.resolve("admin-setup-token");
		Files.writeString(file, TokenHashes.newToken() + "\n");
		try (ConfigurableApplicationContext server = start(file, "")) {
			assertThat(file).doesNotExist();
			assertThat(storedHash()).isEmpty();
		}
	}

	@Test
	void shouldNeitherWriteNorAcceptASetupTokenWhileABootstrapTokenIsSet() throws Exception {
		String madeBefore = TokenHashes.newToken();
		this.jdbc.sql("insert into admin_setup_token (token_hash, created_at) values (?, now())")
			.param(TokenHashes.hash(madeBefore))
			.update();
		Path file = this.directory.resolve("admin-setup-token");
		try (ConfigurableApplicationContext server = start(file, BOOTSTRAP)) {
			assertThat(file).doesNotExist();
			assertThat(listTokens(server, madeBefore)).isEqualTo(401);
			assertThat(listTokens(server, BOOTSTRAP)).isEqualTo(200);
			assertThat(storedHash()).contains(TokenHashes.hash(madeBefore));
		}
	}

	@Test
	void shouldMakeOneSetupTokenWhenTwoInstancesMakeItAtTheSameMoment() throws Exception {
		Path firstFile = this.directory.resolve("first").resolve("admin-setup-token");
		Path secondFile = this.directory.resolve("second").resolve("admin-setup-token");
		try (ConfigurableApplicationContext first = start(firstFile, "");
				ConfigurableApplicationContext second = start(secondFile, "")) {
			assertThat(firstFile).exists();
			assertThat(secondFile).as("the second instance's, started after the first").doesNotExist();
			List<AdminSetupToken> instances = List.of(first.getBean(AdminSetupToken.class),
					second.getBean(AdminSetupToken.class));
			for (int round = 0; round < 3; round++) {
				deleteSetupToken();
				Files.deleteIfExists(firstFile);
				Files.deleteIfExists(secondFile);
				issueAtTheSameMoment(instances);
				List<Path> written = new ArrayList<>();
				for (Path file : List.of(firstFile, secondFile)) {
					if (Files.exists(file)) {
						written.add(file);
					}
				}
				assertThat(written).as("files written in round %d", round).hasSize(1);
				assertThat(storedHash()).contains(TokenHashes.hash(Files.readString(written.get(0)).strip()));
			}
		}
	}

	private static void issueAtTheSameMoment(List<AdminSetupToken> instances) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(instances.size());
		ExecutorService pool = Executors.newFixedThreadPool(instances.size());
		try {
			List<Future<?>> issued = new ArrayList<>();
			for (AdminSetupToken instance : instances) {
				issued.add(pool.submit(() -> {
					barrier.await();
					instance.issueIfNoAdminToken();
					return null;
				}));
			}
			for (Future<?> issue : issued) {
				issue.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private Optional<String> storedHash() {
		return this.jdbc.sql("select token_hash from admin_setup_token").query(String.class).optional();
	}

	private HttpResponse<String> create(ConfigurableApplicationContext server, String token, String name, String role)
			throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(server, "/api/admin/tokens"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"%s\",\"role\":\"%s\"}".formatted(name, role)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int listTokens(ConfigurableApplicationContext server, String token) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(uri(server, "/api/admin/tokens"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static URI uri(ConfigurableApplicationContext server, String path) {
		return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort() + path);
	}

	/** An instance with a web server of its own; a blank bootstrap token unsets it. */
	private static ConfigurableApplicationContext start(Path setupTokenFile, String bootstrapToken) {
		return new SpringApplicationBuilder(CheckpointApplication.class, TestcontainersConfiguration.class).run(
				"--server.port=0", "--spring.jmx.enabled=false", "--checkpoint.scheduling.enabled=false",
				"--checkpoint.security.bootstrap-admin-token=" + bootstrapToken,
				"--checkpoint.security.setup-token-file=" + setupTokenFile);
	}

}
