package dev.checkpoint.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.HeadlessChromium;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium: an operator signs in with a token, the MAU
 * and breakdown charts are drawn (by the Chart.js webjar, asked for without a version)
 * with the stored report figures, the daily and adoption charts with the figures of pings
 * sent through the check route, and the CSV download needs a live token like every other
 * call. Screenshots go to {@code target/dashboard*.png}.
 */
@CheckpointIntegrationTest
class DashboardEndToEndIT {

	private static final String PRODUCT = "dashtest";

	private static final String ADMIN = "Bearer test-bootstrap-admin-token-0123456789abcdef";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	DailyCalculator daily;

	@Autowired
	MauReportService reports;

	@Autowired
	CohortCalculator cohorts;

	@TempDir
	Path downloads;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	static void requireChromium() {
		HeadlessChromium.assumeInstalled();
	}

	@BeforeEach
	void storeReportsAndOpenBrowser() {
		this.jdbc.sql("delete from mau_breakdowns where product = ?").param(PRODUCT).update();
		this.jdbc.sql("delete from mau_reports where product = ?").param(PRODUCT).update();
		YearMonth now = YearMonth.now();
		for (int i = 0; i < 3; i++) {
			this.jdbc.sql("""
					insert into mau_reports (product, month, developers, developers_excluding_ci, returning_developers,
					  anonymous_pings, final, computed_at)
					values (?, ?, ?, ?, ?, ?, ?, now())""")
				.params(PRODUCT, now.minusMonths(i).atDay(1), 100 - i * 10, 80 - i * 10, 40, 7, i > 0)
				.update();
		}
		for (String[] row : new String[][] { { "version", "2.0.0" }, { "version", "1.9.0" }, { "os", "linux" },
				{ "os", "darwin" }, { "arch", "amd64" }, { "node_version", "v20.11.0" }, { "ci", "false" } }) {
			this.jdbc.sql("""
					insert into mau_breakdowns (product, month, dimension, value, developers, pings)
					values (?, ?, ?, ?, 30, 90)""").params(PRODUCT, now.atDay(1), row[0], row[1]).update();
		}
		this.browser = HeadlessChromium.start(this.downloads);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void shouldDrawMauAndBreakdownChartsAfterOperatorSignsIn() throws Exception {
		signIn(operatorToken().get("token").asString());
		assertThat(points("mau-chart")).isEqualTo("9");
		assertThat(points("breakdown-version")).isEqualTo("2");
		assertThat(points("breakdown-os")).isEqualTo("2");
		assertThat(script("return Chart.getChart('breakdown-version').data.labels.join(',')"))
			.as("versions newest first")
			.isEqualTo("2.0.0,1.9.0");
		assertThat(script("return Chart.getChart('mau-chart').config.type")).isEqualTo("line");
		assertThat(script("return Chart.getChart('mau-chart').data.datasets[0].data.join(',')")).isEqualTo("80,90,100");
		assertThat(script("return performance.getEntriesByType('resource')"
				+ ".map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/webjars/'))"))
			.isEqualTo(List.of("/webjars/chart.js/dist/chart.umd.js"));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/dashboard.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void shouldDrawASingleMonthAsABarWithWholeNumberTicksAndSayWhichChartsHaveNoData() throws Exception {
		YearMonth now = YearMonth.now();
		this.jdbc.sql("delete from mau_reports where product = ? and month < ?").params(PRODUCT, now.atDay(1)).update();
		this.jdbc.sql("""
				update mau_reports set developers = 1, developers_excluding_ci = 1, returning_developers = 0
				where product = ?""").param(PRODUCT).update();
		this.jdbc.sql("delete from mau_breakdowns where product = ? and dimension = 'ci'").param(PRODUCT).update();
		signIn(operatorToken().get("token").asString());

		assertThat(script("return Chart.getChart('mau-chart').config.type")).isEqualTo("bar");
		assertThat(script("return Chart.getChart('mau-chart').scales.y.ticks.map((tick) => tick.value).join(',')"))
			.isEqualTo("0,1");
		assertThat(points("breakdown-ci")).isEqualTo("0");
		assertThat(this.browser.findElement(By.id("breakdown-ci")).isDisplayed()).isFalse();
		assertThat(script(
				"return document.getElementById('breakdown-ci').parentElement.querySelector('.empty').textContent"))
			.isEqualTo("No pings in this month.");
		assertThat(
				script("return document.getElementById('breakdown-os').parentElement.querySelector('.empty').hidden"))
			.isEqualTo(true);
	}

	@Test
	void shouldDrawDailyActivityAndVersionAdoptionOfPingsSentThroughTheCheckRoute() throws Exception {
		String product = "dashping-" + UUID.randomUUID().toString().substring(0, 8);
		admin("/api/admin/products", "{\"name\": \"%s\"}".formatted(product));
		admin("/api/admin/products/" + product + "/releases", "{\"version\": \"2.0.0\"}");
		this.wait.until((driver) -> check(product, null, "2.0.0", false).contains("\"2.0.0\""));
		for (int i = 0; i < 20; i++) {
			String version = (i < 12) ? "2.0.0" : (i < 18) ? "1.9.0" : "1.0.0";
			check(product, UUID.randomUUID(), version, i % 4 == 0);
		}
		this.reports.refreshCurrentMonth();
		this.daily.compute(LocalDate.now(ZoneOffset.UTC));
		this.cohorts.computeOpen(YearMonth.now(ZoneOffset.UTC));

		signIn(operatorToken().get("token").asString());
		new Select(this.browser.findElement(By.id("product"))).selectByValue(product);
		this.wait.until((driver) -> "20".equals(script(
				"return String(Chart.getChart('daily-chart').data.datasets[0].data.reduce((a, b) => a + b, 0))")));

		assertThat(script("return Chart.getChart('daily-chart').data.datasets.map((d) => d.label + ':' + d.data)"))
			.as("one day: 20 developers, 15 of them outside CI")
			.isEqualTo(List.of("Developers:20", "Excluding CI:15"));
		assertThat(script("return Chart.getChart('daily-chart').config.type")).isEqualTo("bar");
		this.wait.until((driver) -> Integer.parseInt(points("adoption-chart")) > 0);
		assertThat(script("return Chart.getChart('adoption-chart').data.datasets.map((d) => d.label + ':' + d.data)"))
			.as("newest version first, the 2 developers on 1.0.0 under the threshold of 5 in other")
			.isEqualTo(List.of("2.0.0:12", "1.9.0:6", "other:2"));
		assertThat(script("return Chart.getChart('adoption-chart').options.scales.y.stacked")).isEqualTo(true);
		this.wait.until((driver) -> driver.findElements(By.cssSelector("#retention td")).size() > 0);
		assertThat(script(
				"return [...document.querySelectorAll('#retention tr:last-child td')].map((td) => td.textContent)"))
			.as("the 20 developers first seen this month, all active in it")
			.isEqualTo(List.of(YearMonth.now(ZoneOffset.UTC).toString(), "20", "100%"));
		Number height = (Number) script("return document.documentElement.scrollHeight");
		this.browser.manage().window().setSize(new Dimension(1280, height.intValue()));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/dashboard-daily.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void shouldRefuseAWrongTokenAndStayOnSignIn() {
		this.browser.get("http://127.0.0.1:" + this.port + "/dashboard");
		this.browser.findElement(By.id("token")).sendKeys("cpt_wrong");
		this.browser.findElement(By.id("sign-in")).click();
		this.wait.until((driver) -> !driver.findElement(By.id("login-error")).getText().isEmpty());
		assertThat(this.browser.findElement(By.id("login-error")).getText()).contains("401");
		assertThat(this.browser.findElement(By.id("reports")).isDisplayed()).isFalse();
	}

	@Test
	void shouldSaveCsvUnderTheServersFileNameWhenTokenIsLive() throws Exception {
		signIn(operatorToken().get("token").asString());
		String expected = "mau-" + PRODUCT + "-" + value("from") + "-" + value("to") + ".csv";
		this.browser.findElement(By.id("mau-csv")).click();
		this.wait.withMessage(() -> "a saved " + expected + " in " + files())
			.until((driver) -> Files.exists(this.downloads.resolve(expected)) && partialDownloads().isEmpty());
		List<String> lines = Files.readAllLines(this.downloads.resolve(expected));
		assertThat(lines.get(0)).contains("\"developers\"");
		assertThat(lines).hasSize(4).anySatisfy((line) -> assertThat(line).contains(",100,"));
		assertThat(downloaded()).containsExactly(expected);
	}

	@Test
	void shouldAskForTheTokenAgainWhenCsvDownloadIsRefused() throws Exception {
		JsonNode token = operatorToken();
		signIn(token.get("token").asString());
		revoke(token.get("id").asLong());
		this.browser.findElement(By.id("mau-csv")).click();
		this.wait.withMessage(
				() -> "the sign-in form; the status line says: " + this.browser.findElement(By.id("status")).getText())
			.until((driver) -> driver.findElement(By.id("login")).isDisplayed());
		assertThat(this.browser.findElement(By.id("login-error")).getText()).contains("401");
		assertThat(this.browser.findElement(By.id("reports")).isDisplayed()).isFalse();
		assertThat(script("return sessionStorage.getItem('checkpoint.token')")).isNull();
		assertThat(downloaded()).isEmpty();

		signIn(operatorToken().get("token").asString());
		this.browser.findElement(By.id("mau-csv")).click();
		this.wait.withMessage(() -> "one saved file in " + files())
			.until((driver) -> downloaded().size() == 1 && partialDownloads().isEmpty());
		assertThat(downloaded()).singleElement().asString().startsWith("mau-" + PRODUCT + "-").endsWith(".csv");
	}

	/** Signs in on the dashboard and waits for the MAU and version charts. */
	private void signIn(String token) {
		if (!this.browser.getCurrentUrl().contains("/dashboard")) {
			this.browser.get("http://127.0.0.1:" + this.port + "/dashboard");
		}
		this.browser.findElement(By.id("token")).sendKeys(token);
		this.browser.findElement(By.id("sign-in")).click();
		this.wait.until((driver) -> Integer.parseInt(points("mau-chart")) > 0
				&& Integer.parseInt(points("breakdown-version")) > 0);
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private String value(String input) {
		return this.browser.findElement(By.id(input)).getDomProperty("value");
	}

	/** The files saved into the download folder (Chromium's unfinished ones left out). */
	private List<String> downloaded() {
		return files().stream().filter((name) -> !name.endsWith(".crdownload")).toList();
	}

	private List<String> partialDownloads() {
		return files().stream().filter((name) -> name.endsWith(".crdownload")).toList();
	}

	private List<String> files() {
		try (Stream<Path> files = Files.list(this.downloads)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String points(String canvas) {
		return this.browser.findElement(By.id(canvas)).getDomAttribute("data-points");
	}

	/**
	 * Sends a check as a client would, from this test's address, and answers its body.
	 */
	private String check(String product, @Nullable UUID signature, String version, boolean ci) {
		String query = "version=%s&os=linux&arch=x64&node_version=v20.11.0&ci=%s".formatted(version, ci)
				+ ((signature != null) ? "&signature=" + signature : "");
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(uri("/v1/check/" + product + "?" + query)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void admin(String path, String body) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	/** A new OPERATOR token: its {@code id} and its secret {@code token}. */
	private JsonNode operatorToken() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/admin/tokens"))
			.header("Authorization", ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"dashboard-e2e\",\"role\":\"OPERATOR\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		return this.json.readTree(response.body());
	}

	private void revoke(long id) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri("/api/admin/tokens/" + id)).header("Authorization", ADMIN).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(204);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
