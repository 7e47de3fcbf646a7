package dev.checkpoint.errorreports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash report view in a real headless Chromium: an operator signs in, opens a group,
 * reads a report's stack trace (as text, never as HTML) and resolves the group.
 */
@CheckpointIntegrationTest
class ErrorsDashboardEndToEndIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path downloads;

	private WebDriver browser;

	@BeforeAll
	static void requireChromium() {
		HeadlessChromium.assumeInstalled();
	}

	@BeforeEach
	void storeReportsAndOpenBrowser() throws Exception {
		ErrorReportsApi.clean(this.jdbc);
		this.jdbc.sql("delete from api_tokens where name = 'errtest-dashboard'").update();
		send("<img src=x onerror=\"document.title='pwned'\"> exploded", "at boom (/home/alice/app/index.js:1:2)");
		send("<img src=x onerror=\"document.title='pwned'\"> exploded", "at boom (/home/bob/app/index.js:9:9)");
		send("quiet failure", "at other (/home/carol/app/other.js:1:2)");
		this.browser = HeadlessChromium.start(this.downloads);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void shouldShowGroupsReportsAndResolveWhenOperatorSignsIn() throws Exception {
		this.browser.get("http://127.0.0.1:" + this.port + "/dashboard/errors.html");
		this.browser.findElement(By.id("token")).sendKeys(operatorToken());
		this.browser.findElement(By.id("sign-in")).click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((driver) -> groupRows().size() == 2);
		assertThat(groupRows().get(0).getText()).contains("exploded", ErrorReportsApi.PRODUCT, "2");
		assertThat(this.browser.findElement(By.id("products")).getText()).contains(ErrorReportsApi.PRODUCT);

		groupRows().get(0).click();
		wait.until((driver) -> rows("reports").size() == 2);
		rows("reports").get(0).click();
		wait.until((driver) -> !driver.findElement(By.id("report-stack")).getText().isEmpty());
		assertThat(this.browser.findElement(By.id("report-stack")).getText()).contains("/home/[USER]/app/index.js");
		assertThat(this.browser.findElement(By.id("report-message")).getText()).startsWith("<img src=x");
		assertThat(this.browser.getTitle()).isNotEqualTo("pwned");
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/errors-dashboard.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));

		this.browser.findElement(By.id("group-toggle")).click();
		wait.until((driver) -> groupRows().size() == 1);
		wait.until((driver) -> "Reopen".equals(driver.findElement(By.id("group-toggle")).getText()));
		assertThat(this.jdbc.sql("select count(*) from error_groups where resolved_by = 'errtest-dashboard'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldFindPrismaReportByNumberAndShowItsAttachments() throws Exception {
		long number = sendPrismaReport();
		this.browser.get("http://127.0.0.1:" + this.port + "/dashboard/errors.html");
		this.browser.findElement(By.id("token")).sendKeys(operatorToken());
		this.browser.findElement(By.id("sign-in")).click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((driver) -> driver.findElement(By.id("report-number")).isDisplayed());
		this.browser.findElement(By.id("report-number")).sendKeys(Long.toString(number));
		this.browser.findElement(By.id("find-report")).click();
		wait.until(
				(driver) -> Long.toString(number).equals(driver.findElement(By.id("report-number-title")).getText()));
		assertThat(this.browser.findElement(By.id("report-facts")).getText()).contains("prompt", "FMT_CLI",
				"RUST_PANIC", "debian-openssl-3.0.x");
		assertThat(this.browser.findElement(By.id("report-rust")).getText()).contains("panicked at");
		List<WebElement> attachments = rows("attachments");
		assertThat(attachments).hasSize(2);
		// in the order of the zip: migration.sql, schema.prisma
		assertThat(attachments.get(1).getText()).contains("schema.prisma");
		attachments.get(1).findElement(By.xpath(".//button[text()='View']")).click();
		wait.until((driver) -> !driver.findElement(By.id("attachment-text")).getText().isEmpty());
		assertThat(this.browser.findElement(By.id("attachment-text")).getText())
			.contains("postgresql://app:[REDACTED]@db/app")
			.doesNotContain("dash-secret");
		Files.write(Path.of("target/errors-dashboard-prisma.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));

		attachments.get(1).findElement(By.xpath(".//button[text()='Download']")).click();
		Path saved = this.downloads.resolve("schema.prisma");
		// Chromium writes a .crdownload file and gives it its name once it is complete
		wait.until((driver) -> Files.exists(saved));
		assertThat(saved).content().contains("postgresql://app:[REDACTED]@db/app").doesNotContain("dash-secret");
	}

	@Test
	void shouldStayOnSignInWhenTokenIsWrong() {
		this.browser.get("http://127.0.0.1:" + this.port + "/dashboard/errors.html");
		this.browser.findElement(By.id("token")).sendKeys("cpt_wrong");
		this.browser.findElement(By.id("sign-in")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> !driver.findElement(By.id("login-error")).getText().isEmpty());
		assertThat(this.browser.findElement(By.id("login-error")).getText()).contains("401");
		assertThat(this.browser.findElement(By.id("errors")).isDisplayed()).isFalse();
	}

	private List<WebElement> groupRows() {
		return rows("groups");
	}

	private List<WebElement> rows(String table) {
		return this.browser.findElements(By.cssSelector("#" + table + " tbody tr"));
	}

	private void send(String message, String frame) throws Exception {
		ObjectNode report = this.json.createObjectNode();
		report.put("version", "1.0.0");
		report.put("error_message", message);
		report.put("stack_trace", "Error: " + message + "\n    " + frame);
		report.put("consent", true);
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(uri("/v1/errors/" + ErrorReportsApi.PRODUCT))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(report.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
	}

	/** A report as the Prisma CLI 5.x sends it (create, zip, complete); its number. */
	private long sendPrismaReport() throws Exception {
		ObjectNode data = this.json.createObjectNode();
		data.put("area", "FMT_CLI");
		data.put("kind", "RUST_PANIC");
		data.put("cliVersion", "5.22.0");
		data.put("platform", "debian-openssl-3.0.x");
		data.put("rustStackTrace", "RuntimeError: panicked at prisma-schema-wasm/src/lib.rs:140:5:\nboom\n"
				+ "    at prisma_schema_build.wasm.debug_panic (wasm://wasm/x:wasm-function[2625]:0x1cccef)");
		String url = this.json.readTree(graphQl(PrismaErrorReportProtocolTests.CREATE, Map.of("data", data)))
			.get("data")
			.get("createErrorReport")
			.asString();
		byte[] zip = PrismaErrorReportProtocolTests.zip(Map.of("schema.prisma",
				"directUrl = \"postgresql://app:dash-secret@db/app\"", "migration.sql", "create table a (id int);"));
		HttpResponse<String> uploaded = this.http.send(HttpRequest.newBuilder(uri(URI.create(url).getRawPath()))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(zip))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(uploaded.statusCode()).isEqualTo(200);
		return this.json.readTree(graphQl(PrismaErrorReportProtocolTests.COMPLETE, Map.of("signedUrl", url)))
			.get("data")
			.get("markErrorReportCompleted")
			.asLong();
	}

	private String graphQl(String query, Map<String, Object> variables) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(this.json.writeValueAsString(Map.of("query", query, "variables", variables))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private String operatorToken() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/admin/tokens"))
			.header("Authorization", "Bearer test-bootstrap-admin-token-0123456789abcdef")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"errtest-dashboard\",\"role\":\"OPERATOR\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		return this.json.readTree(response.body()).get("token").asString();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
