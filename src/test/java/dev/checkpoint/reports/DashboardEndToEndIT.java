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
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.HeadlessChromium;
import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.reports.PingFixtures.TestPing;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium, on reports the jobs' own code computed from
 * pings stored by ingest (through the check route, or through ingest's store for past
 * months): an operator signs in with a token, the headline tiles, MAU, breakdown, daily,
 * adoption, notice exposure and retention views are drawn (by the Chart.js webjar, asked
 * for without a version) with those figures, views without data say so, and the CSV
 * download needs a live token like every other call. Screenshots of each state go to
 * {@code target/dashboard*.png}.
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

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	Catalog catalog;

	@TempDir
	Path downloads;

	private static boolean stored;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	static void requireChromium() {
		HeadlessChromium.assumeInstalled();
	}

	/**
	 * Stores {@link #PRODUCT}'s pings of three months through ingest's store (at their
	 * own times: the check route stores pings at the present only) and computes their
	 * reports with the report jobs' own code: 80, 90 and 100 developers, the current
	 * month on two versions and two OSes.
	 */
	@BeforeEach
	void storePingsAndOpenBrowser() {
		if (!stored) {
			YearMonth now = YearMonth.now(ZoneOffset.UTC);
			List<TestPing> pings = new ArrayList<>();
			List<UUID> signatures = Stream.generate(UUID::randomUUID).limit(100).toList();
			for (int back = 2; back >= 0; back--) {
				YearMonth month = now.minusMonths(back);
				PingFixtures.createPartition(this.jdbcTemplate, month);
				Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
				for (int i = 0; i < 100 - back * 10; i++) {
					pings.add(new TestPing(start.plusSeconds(i), PRODUCT, (i < 60) ? "2.0.0" : "1.9.0",
							(i % 10 < 7) ? "linux" : "darwin", "x64", signatures.get(i), i % 5 == 0, "v20.11.0", null));
				}
			}
			PingFixtures.store(this.jdbcTemplate, pings);
			this.reports.closeEndedMonths();
			this.reports.refreshCurrentMonth();
			stored = true;
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
		assertThat(script("return Chart.getChart('breakdown-version').data.datasets[0].data.join(',')"))
			.isEqualTo("60,40");
		assertThat(script("return Chart.getChart('breakdown-ci').data.labels.join(',')")).isEqualTo("false,true");
		assertThat(points("breakdown-version")).isEqualTo("2");
		assertThat(points("breakdown-os")).isEqualTo("2");
		assertThat(script("return Chart.getChart('breakdown-version').data.labels.join(',')"))
			.as("versions newest first")
			.isEqualTo("2.0.0,1.9.0");
		assertThat(script("return Chart.getChart('mau-chart').config.type")).isEqualTo("line");
		assertThat(script("return Chart.getChart('mau-chart').data.datasets.map((d) => d.data.join(','))"))
			.as("developers, excluding CI (one in five is CI), returning (none came back on a second day)")
			.isEqualTo(List.of("80,90,100", "64,72,80", "0,0,0"));
		assertThat(tile("tile-mau")).startsWith("100\n");
		assertThat(script("return performance.getEntriesByType('resource')"
				+ ".map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/webjars/'))"))
			.isEqualTo(List.of("/webjars/chart.js/dist/chart.umd.js"));
		screenshot("target/dashboard.png");
	}

	@Test
	void shouldDrawASingleMonthAsABarWithWholeNumberTicksAndSayWhichChartsHaveNoData() throws Exception {
		String product = newProduct();
		check(product, UUID.randomUUID(), "2.0.0", false);
		this.daily.compute(LocalDate.now(ZoneOffset.UTC));
		this.reports.refreshCurrentMonth();
		signIn(operatorToken().get("token").asString());
		showProduct(product);

		assertThat(script("return Chart.getChart('mau-chart').config.type")).isEqualTo("bar");
		assertThat(script("return Chart.getChart('mau-chart').scales.y.ticks.map((tick) => tick.value).join(',')"))
			.isEqualTo("0,1");
		assertThat(
				script("return document.getElementById('breakdown-os').parentElement.querySelector('.empty').hidden"))
			.isEqualTo(true);
		assertThat(emptyNote("exposure-chart")).isEqualTo("No live notice for this product.");
		assertThat(script("return document.querySelector('#notices caption').textContent"))
			.isEqualTo("No live notice for this product.");

		// months before the product's first ping, and before any computed day
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		script("document.getElementById('from').value = '" + now.minusMonths(2) + "';"
				+ "document.getElementById('reports').removeAttribute('data-loaded');"
				+ "const to = document.getElementById('to'); to.value = '" + now.minusMonths(1) + "';"
				+ "to.dispatchEvent(new Event('change'));");
		this.wait
			.until((driver) -> product.equals(driver.findElement(By.id("reports")).getDomAttribute("data-loaded")));
		assertThat(points("mau-chart")).isEqualTo("0");
		assertThat(this.browser.findElement(By.id("mau-chart")).isDisplayed()).isFalse();
		assertThat(emptyNote("mau-chart")).isEqualTo("No report for this product in this range.");
		assertThat(points("daily-chart")).isEqualTo("0");
		assertThat(emptyNote("daily-chart"))
			.isEqualTo("No day of this range has been computed yet: a day appears once it is over.");
		assertThat(tile("tile-notice")).isEqualTo("–\nNo live notice has been computed yet.");
		screenshot("target/dashboard-empty.png");
	}

	@Test
	void shouldDrawDailyActivityAndVersionAdoptionOfPingsSentThroughTheCheckRoute() throws Exception {
		String product = newProduct();
		admin("/api/admin/products/" + product + "/releases", "{\"version\": \"2.0.0\"}");
		admin("/api/admin/products/" + product + "/notices",
				"{\"message\": \"Upgrade to 2.0.0\", \"level\": \"critical\", \"version_range\": \"<2.0.0\"}");
		this.wait.until((driver) -> check(product, null, "1.9.0", false).contains("Upgrade to 2.0.0"));
		for (int i = 0; i < 20; i++) {
			String version = (i < 12) ? "2.0.0" : (i < 18) ? "1.9.0" : "1.0.0";
			check(product, UUID.randomUUID(), version, i % 4 == 0);
		}
		this.catalog.refresh();
		this.daily.compute(LocalDate.now(ZoneOffset.UTC));
		this.reports.refreshCurrentMonth();
		this.cohorts.computeOpen(YearMonth.now(ZoneOffset.UTC));

		signIn(operatorToken().get("token").asString());
		showProduct(product);
		this.wait.until((driver) -> "20".equals(script(
				"return String(Chart.getChart('daily-chart').data.datasets[0].data.reduce((a, b) => a + b, 0))")));

		assertThat(script("return Chart.getChart('daily-chart').data.datasets.map((d) => d.label + ':' + d.data)"))
			.as("one day: 20 developers, 15 of them outside CI, 20 in the week")
			.isEqualTo(List.of("Developers:20", "Excluding CI:15", "Weekly (7 days):20"));
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(tile("tile-mau")).startsWith("20\n20 by " + today + " against – by ");
		assertThat(tile("tile-dau")).isEqualTo("20\non " + today + "; 20 in its week, 25% CI only");
		assertThat(tile("tile-new")).isEqualTo("20\nfirst seen in " + YearMonth.now(ZoneOffset.UTC));
		assertThat(tile("tile-notice")).isEqualTo("8\nexposed on " + today + " to “Upgrade to 2.0.0” (critical)");
		assertThat(script("return [...document.querySelectorAll('#notices tr.pick td')].map((td) => td.textContent)"))
			.as("the 8 developers below 2.0.0, each sent the notice with its check")
			.isEqualTo(List.of("Upgrade to 2.0.0", "critical", "<2.0.0", today, "8", "8", "0", "–"));
		this.wait.until((driver) -> Integer.parseInt(points("exposure-chart")) > 0);
		assertThat(script("return Chart.getChart('exposure-chart').data.datasets.map((d) => d.label + ':' + d.data)"))
			.isEqualTo(List.of("Exposed:8", "Shown the notice:8", "Moved on:0"));
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
		screenshot("target/dashboard-daily.png");
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

	/** A new product, created through the admin API. */
	private String newProduct() throws Exception {
		String product = "dashping-" + UUID.randomUUID().toString().substring(0, 8);
		admin("/api/admin/products", "{\"name\": \"%s\"}".formatted(product));
		return product;
	}

	/**
	 * Picks the product once the first one shown is drawn (so that no earlier load draws
	 * over it), and waits until its views are drawn.
	 */
	private void showProduct(String product) {
		this.wait.until((driver) -> driver.findElement(By.id("reports")).getDomAttribute("data-loaded") != null);
		this.wait.until((
				driver) -> driver.findElements(By.cssSelector("#product option[value='" + product + "']")).size() == 1);
		new Select(this.browser.findElement(By.id("product"))).selectByValue(product);
		this.wait
			.until((driver) -> product.equals(driver.findElement(By.id("reports")).getDomAttribute("data-loaded")));
	}

	private String tile(String id) {
		return this.browser.findElement(By.cssSelector("#" + id + " .figure")).getText() + "\n"
				+ this.browser.findElement(By.cssSelector("#" + id + " .detail")).getText();
	}

	private Object emptyNote(String canvas) {
		return script(
				"return document.getElementById('" + canvas + "').parentElement.querySelector('.empty').textContent");
	}

	/** A screenshot of the whole page. */
	private void screenshot(String file) throws IOException {
		Number height = (Number) script("return document.documentElement.scrollHeight");
		this.browser.manage().window().setSize(new Dimension(1280, height.intValue()));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of(file), ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	/** Signs in on the dashboard and waits until {@link #PRODUCT}'s views are drawn. */
	private void signIn(String token) {
		if (!this.browser.getCurrentUrl().contains("/dashboard")) {
			this.browser.get("http://127.0.0.1:" + this.port + "/dashboard");
		}
		this.browser.findElement(By.id("token")).sendKeys(token);
		this.browser.findElement(By.id("sign-in")).click();
		showProduct(PRODUCT);
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

	private String check(String product, @Nullable UUID signature, String version, boolean ci) {
		return new TestServer(this.port).check(product, signature, version, ci);
	}

	private void admin(String path, String body) {
		new TestServer(this.port).admin("POST", path, body, 201);
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
