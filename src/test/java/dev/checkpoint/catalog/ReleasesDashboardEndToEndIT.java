package dev.checkpoint.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The releases and webhooks page in a real headless Chromium, signed in with an ADMIN
 * token: a rollout published through the admin API shows with its share, a click pauses
 * it (through the admin API, so the page shows the stored state), and the webhook
 * endpoint shows with the delivery that the pause queued. The screenshot goes to
 * {@code target/dashboard-releases.png}.
 */
@CheckpointIntegrationTest
class ReleasesDashboardEndToEndIT {

	private static final String ADMIN_TOKEN = "test-bootstrap-admin-token-0123456789abcdef";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@TempDir
	Path downloads;

	private WebDriver browser;

	@BeforeAll
	static void requireChromium() {
		HeadlessChromium.assumeInstalled();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void shouldShowARolloutPauseItAndShowTheDeliveryItQueued() throws Exception {
		String product = AdminApi.PREFIX + "page-" + UUID.randomUUID().toString().substring(0, 6);
		post("/api/admin/products", "{\"name\": \"" + product + "\"}");
		post("/api/admin/products/" + product + "/releases", "{\"version\": \"1.0.0\"}");
		post("/api/admin/products/" + product + "/releases",
				"{\"version\": \"2.0.0\", \"rollout\": {\"percent\": 30}}");
		String hook = "http://127.0.0.1:9/" + product;
		post("/api/admin/webhooks", "{\"url\": \"" + hook + "\", \"events\": [\"rollout.changed\"]}");

		this.browser = HeadlessChromium.start(this.downloads);
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		this.browser.get("http://127.0.0.1:" + this.port + "/dashboard/releases.html");
		this.browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
		this.browser.findElement(By.id("sign-in")).click();
		wait.until((driver) -> driver.findElement(By.id("admin")).getDomAttribute("data-loaded") != null);
		new Select(this.browser.findElement(By.id("product"))).selectByValue(product);
		wait.until((driver) -> product.equals(driver.findElement(By.id("admin")).getDomAttribute("data-loaded")));

		assertThat(rollout("2.0.0")).isEqualTo("active at 30%");
		assertThat(rollout("1.0.0")).isEqualTo("–");
		assertThat(buttons("2.0.0")).containsExactly("pause", "advance", "abort");
		this.browser.findElement(By.cssSelector("tr[data-version='2.0.0'] button[data-action='pause']")).click();
		wait.until((driver) -> "paused at 30%".equals(rollout("2.0.0")));
		assertThat(buttons("2.0.0")).containsExactly("resume", "advance", "abort");

		this.browser.findElements(By.cssSelector("#webhooks tr.pick"))
			.stream()
			.filter((row) -> row.getText().contains(hook))
			.findFirst()
			.orElseThrow()
			.click();
		wait.until((driver) -> driver.findElement(By.id("admin")).getDomAttribute("data-deliveries") != null);
		assertThat(script("return [...document.querySelectorAll('#deliveries tr:nth-child(2) td')]"
				+ ".map((td) => td.textContent).slice(0, 3)"))
			.as("the pause, queued for the endpoint, not sent yet")
			.isEqualTo(List.of("rollout.changed", "pending", "0"));
		Number height = (Number) script("return document.documentElement.scrollHeight");
		this.browser.manage().window().setSize(new Dimension(1280, height.intValue()));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/dashboard-releases.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	private String rollout(String version) {
		return this.browser.findElement(By.cssSelector("tr[data-version='" + version + "'] td.rollout")).getText();
	}

	private List<String> buttons(String version) {
		return this.browser.findElements(By.cssSelector("tr[data-version='" + version + "'] button"))
			.stream()
			.map((button) -> button.getText())
			.toList();
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private void post(String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + ADMIN_TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

}
