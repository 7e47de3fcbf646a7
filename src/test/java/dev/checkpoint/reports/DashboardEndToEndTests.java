package dev.checkpoint.reports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium: an operator signs in with a token and the
 * MAU and breakdown charts are drawn (by the Chart.js webjar, asked for without a
 * version) with the stored report figures.
 */
@CheckpointIntegrationTest
class DashboardEndToEndTests {

	private static final String PRODUCT = "dashtest";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private WebDriver browser;

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
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void shouldDrawMauAndBreakdownChartsAfterOperatorSignsIn() throws Exception {
		this.browser.get("http://127.0.0.1:" + this.port + "/dashboard");
		this.browser.findElement(By.id("token")).sendKeys(operatorToken());
		this.browser.findElement(By.id("sign-in")).click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((driver) -> Integer.parseInt(points("mau-chart")) > 0
				&& Integer.parseInt(points("breakdown-version")) > 0);
		assertThat(points("mau-chart")).isEqualTo("9");
		assertThat(points("breakdown-version")).isEqualTo("2");
		assertThat(points("breakdown-os")).isEqualTo("2");
		Object drawn = ((JavascriptExecutor) this.browser)
			.executeScript("return Chart.getChart('mau-chart').data.datasets[0].data.join(',')");
		assertThat(drawn).isEqualTo("80,90,100");
		Object webjars = ((JavascriptExecutor) this.browser)
			.executeScript("return performance.getEntriesByType('resource')"
					+ ".map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/webjars/'))");
		assertThat(webjars).isEqualTo(List.of("/webjars/chart.js/dist/chart.umd.js"));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/dashboard.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void shouldRefuseAWrongTokenAndStayOnSignIn() {
		this.browser.get("http://127.0.0.1:" + this.port + "/dashboard");
		this.browser.findElement(By.id("token")).sendKeys("cpt_wrong");
		this.browser.findElement(By.id("sign-in")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> !driver.findElement(By.id("login-error")).getText().isEmpty());
		assertThat(this.browser.findElement(By.id("login-error")).getText()).contains("401");
		assertThat(this.browser.findElement(By.id("reports")).isDisplayed()).isFalse();
	}

	private String points(String canvas) {
		return this.browser.findElement(By.id(canvas)).getDomAttribute("data-points");
	}

	private String operatorToken() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/admin/tokens"))
			.header("Authorization", "Bearer test-bootstrap-admin-token-0123456789abcdef")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"dashboard-e2e\",\"role\":\"OPERATOR\"}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		return this.json.readTree(response.body()).get("token").asString();
	}

}
