package dev.checkpoint.reports;

import java.io.IOException;
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

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product's public page: off until an admin switches it on, then open without a token,
 * in a real headless Chromium, with MAU and the version, OS and arch shares of pings sent
 * through the check route (small groups in "other"); its JSON and CSV are cacheable and
 * revalidate with their ETag. The screenshot goes to {@code target/public-page.png}.
 */
@CheckpointIntegrationTest
class PublicPageEndToEndIT {

	@LocalServerPort
	int port;

	@Autowired
	MauReportService reports;

	@Autowired
	DailyCalculator daily;

	@TempDir
	Path downloads;

	private TestServer server;

	private String product;

	private WebDriver browser;

	@BeforeAll
	static void requireChromium() {
		HeadlessChromium.assumeInstalled();
	}

	@BeforeEach
	void sendPings() {
		this.server = new TestServer(this.port);
		this.product = "public-" + UUID.randomUUID().toString().substring(0, 8);
		this.server.admin("POST", "/api/admin/products", "{\"name\": \"%s\"}".formatted(this.product), 201);
		for (int i = 0; i < 12; i++) {
			String version = (i < 7) ? "2.0.0" : (i < 11) ? "1.9.0" : "1.0.0";
			this.server.check(this.product, UUID.randomUUID(), version, i % 4 == 0);
		}
		// today computed as the daily job computes a day once it is over (another test
		// may have
		// computed it already: then the refresh counts only what the days computed hold)
		this.daily.compute(LocalDate.now(ZoneOffset.UTC));
		this.reports.refreshCurrentMonth();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void shouldPublishOnlyOnceAnAdminSwitchesThePageOn() {
		assertThat(get("/public/" + this.product, null).statusCode()).isEqualTo(404);
		assertThat(get("/public/" + this.product + "/mau.json", null).statusCode()).isEqualTo(404);
		assertThat(get("/public/no-such-product/mau.json", null).statusCode()).as("unknown, answered alike")
			.isEqualTo(404);

		publish(true);
		assertThat(get("/public/" + this.product + "/mau.json", null).statusCode()).isEqualTo(200);

		publish(false);
		assertThat(get("/public/" + this.product + "/shares.json", null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldAnswerCacheableJsonAndCsvThatRevalidateWithTheirEtag() {
		publish(true);
		HttpResponse<String> mau = get("/public/" + this.product + "/mau.json", null);
		assertThat(mau.statusCode()).isEqualTo(200);
		assertThat(mau.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
		assertThat(mau.body()).contains("\"month\":\"" + YearMonth.now(ZoneOffset.UTC) + "\"")
			.contains("\"developers\":12")
			.contains("\"developers_excluding_ci\":9");
		String etag = mau.headers().firstValue("ETag").orElseThrow();
		assertThat(get("/public/" + this.product + "/mau.json", etag).statusCode()).isEqualTo(304);

		HttpResponse<String> shares = get("/public/" + this.product + "/shares.csv", null);
		assertThat(shares.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(shares.body().lines().toList()).contains(
				"\"%s\",\"%s\",\"version\",\"2.0.0\",7,0.5833".formatted(this.product, YearMonth.now(ZoneOffset.UTC)),
				"\"%s\",\"%s\",\"version\",\"other\",5,0.4167".formatted(this.product, YearMonth.now(ZoneOffset.UTC)))
			.as("1.9.0 (4) and 1.0.0 (1) are under the threshold of 5")
			.noneMatch((line) -> line.contains("\"1.9.0\"") || line.contains("\"1.0.0\""));
		assertThat(get("/public/" + this.product + "/shares.json?month=2026-13", null).statusCode()).isEqualTo(400);
	}

	@Test
	void shouldDrawMauAndSharesWithoutAToken() throws IOException {
		publish(true);
		this.browser = HeadlessChromium.start(this.downloads);
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		this.browser.get(this.server.uri("/public/" + this.product).toString());
		wait.until((driver) -> !"0".equals(points("share-arch")));

		assertThat(this.browser.findElement(By.id("title")).getText()).isEqualTo(this.product + " usage");
		assertThat(script("return Chart.getChart('mau-chart').config.type")).as("one month: a bar").isEqualTo("bar");
		assertThat(script("return Chart.getChart('mau-chart').data.datasets.map((d) => d.label + ':' + d.data)"))
			.isEqualTo(List.of("Developers:12", "Excluding CI:9"));
		assertThat(script("return Chart.getChart('share-version').data.labels")).isEqualTo(List.of("2.0.0", "other"));
		assertThat(script("return Chart.getChart('share-version').data.datasets[0].data"))
			.isEqualTo(List.of(58.3, 41.7));
		assertThat(script("return Chart.getChart('share-os').data.labels")).isEqualTo(List.of("linux"));
		assertThat(this.browser.findElement(By.id("mau-csv")).getDomAttribute("href"))
			.isEqualTo("/public/" + this.product + "/mau.csv");
		Number height = (Number) script("return document.documentElement.scrollHeight");
		this.browser.manage().window().setSize(new Dimension(1280, height.intValue()));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/public-page.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	private void publish(boolean on) {
		this.server.admin("PUT", "/api/admin/products/" + this.product, "{\"public_page\": %s}".formatted(on), 200);
	}

	private HttpResponse<String> get(String path, String ifNoneMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.server.uri(path)).GET();
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return this.server.send(request.build());
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private String points(String canvas) {
		return this.browser.findElement(By.id(canvas)).getDomAttribute("data-points");
	}

}
