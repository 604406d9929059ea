package dev.executor.sample.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its chromedriver. The browser and the driver are
 * named explicitly, so that Selenium never looks for or downloads one of its own; tests
 * that need them are skipped when they are not installed.
 */
final class Chromium implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

	private final Path profile;

	private final ChromeDriver driver;

	private Chromium(Path binary, Path chromedriver) throws IOException {
		this.profile = Files.createTempDirectory("chromium-profile-");
		ChromeOptions options = new ChromeOptions().setBinary(binary.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
					"--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	/**
	 * Start a browser with a fresh profile, or skip the test when none is installed.
	 * @return the browser
	 */
	static Chromium start() {
		Path binary = Path.of(setting("TEST_CHROMIUM_BINARY", "/usr/bin/chromium"));
		Path chromedriver = Path.of(setting("TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
		Assumptions.assumeTrue(Files.isExecutable(binary) && Files.isExecutable(chromedriver),
				() -> "Chromium or its driver is not installed (looked for " + binary + " and " + chromedriver
						+ "): install Debian's packages with 'apt-get install chromium chromium-driver', as "
						+ ".ci/chromium.sh does, or set TEST_CHROMIUM_BINARY and TEST_CHROMEDRIVER");
		try {
			return new Chromium(binary, chromedriver);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String setting(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/**
	 * Open the dashboard as the given user, who answers the page's login prompt.
	 * @param port the application's port
	 * @param user the user
	 * @param password the user's password
	 */
	void openDashboard(int port, String user, String password) {
		this.driver.get("http://" + user + ":" + password + "@localhost:" + port + "/executors-dashboard");
	}

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * Show pages as a phone 390 pixels wide does, with its touch screen and viewport.
	 */
	void emulatePhone() {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
	}

	void stopEmulating() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	/**
	 * Wait until the given condition holds, as a person waits a few seconds for a page.
	 * @param <T> the type of what the condition answers
	 * @param condition the condition
	 * @return what the condition answered
	 */
	<T> T await(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(condition);
	}

	WebElement find(By by) {
		return this.driver.findElement(by);
	}

	List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	@Nullable Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	/**
	 * Save what the browser shows under {@code target/dashboard-screenshots}.
	 * @param name the name of the picture, without extension
	 * @return the file written
	 */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			try (var files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

}
