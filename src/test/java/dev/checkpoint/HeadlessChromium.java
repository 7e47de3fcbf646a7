package dev.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium and chromedriver for the end-to-end page tests, started headless with
 * no network of its own (.ci/run installs both packages).
 */
public final class HeadlessChromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/** Skips the calling test class with a clear message when Chromium is missing. */
	public static void assumeInstalled() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium or chromedriver is not installed (apt-get install chromium chromium-driver; "
						+ ".ci/run does it): skipping this browser test");
	}

	public static WebDriver start() {
		return new ChromeDriver(options());
	}

	/** A browser that saves downloads into {@code downloads}, without asking. */
	public static WebDriver start(Path downloads) {
		ChromeOptions options = options();
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		return new ChromeDriver(options);
	}

	private static ChromeOptions options() {
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		return new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1280,1600");
	}

}
