package dev.executor.sample.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the executors dashboard of the sample application in headless Chromium, as
 * {@code admin} (role {@code ADMIN}, who sees values and may cancel) and as {@code user}
 * (role {@code USER}, who may only look), asserting what a person sees.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "executor.named.reports.futures.max-length=5000",
				"executor.named.reports.queue-capacity=5000" })
class DashboardBrowserTests {

	private static Chromium chromium;

	@LocalServerPort
	private int port;

	@Autowired
	private ManagedExecutor executor;

	@Autowired
	@Qualifier("reports")
	private ManagedExecutor reports;

	private final CountDownLatch release = new CountDownLatch(1);

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@AfterEach
	void saveScreenshotAndRelease(TestInfo test) {
		chromium.screenshot(test.getTestMethod().map((method) -> method.getName()).orElse("dashboard"));
		this.release.countDown();
	}

	@Test
	void adminShouldSeeEveryExecutorWithItsFigures() {
		chromium.openDashboard(this.port, "admin", "admin-demo");
		WebElement reports = executorRow("reports");
		assertThat(cells(reports)).startsWith("reports", "thread", "2");
		assertThat(executorRow("isolated").getText()).contains("process");
		assertThat(executorRow("default").findElement(By.cssSelector("td.health-UP")).getText()).isEqualTo("UP");
		assertThat(executorRow("default").findElement(By.cssSelector("canvas.chart")).getAttribute("aria-label"))
			.matches("default: \\d+\\.\\d tasks per second, \\d+ queued");
	}

	@Test
	void storedFutureShouldAppearWithinSecondsAndChangeStateWhenItFinishes() {
		chromium.openDashboard(this.port, "admin", "admin-demo");
		executorRow("default");
		FutureProxy<String> future = this.executor.submitStored("browser-report", this::awaitRelease);
		assertThat(stateOf("browser-report", "RUNNING")).isEqualTo("RUNNING");
		this.release.countDown();
		await().atMost(10, TimeUnit.SECONDS).until(future::isDone);
		assertThat(stateOf("browser-report", "FINISHED")).isEqualTo("FINISHED");
	}

	@Test
	void adminShouldSeeTheResultOfAFinishedFuture() throws Exception {
		this.executor.submitStored("browser-result", () -> "42 pages").get(10, TimeUnit.SECONDS);
		chromium.openDashboard(this.port, "admin", "admin-demo");
		futureRow("browser-result").findElement(By.cssSelector("button.link")).click();
		WebElement outcome = chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
		assertThat(chromium.find(By.id("outcome-title")).getText()).isEqualTo("Result");
		assertThat(outcome.getText()).isEqualTo("\"42 pages\"");
	}

	@Test
	void adminShouldCancelARunningFutureAfterConfirming() {
		CountDownLatch interrupted = new CountDownLatch(1);
		FutureProxy<String> future = this.executor.submitStored("browser-cancel", () -> {
			try {
				return awaitRelease();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
				throw ex;
			}
		});
		chromium.openDashboard(this.port, "admin", "admin-demo");
		stateOf("browser-cancel", "RUNNING");
		cancelButton("browser-cancel").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-cancel"))).click();
		assertThat(stateOf("browser-cancel", "CANCELLED")).isEqualTo("CANCELLED");
		assertThat(future.isCancelled()).isTrue();
		await().atMost(10, TimeUnit.SECONDS).until(() -> interrupted.getCount() == 0);
		assertThat(this.executor.futures().contains("browser-cancel")).isFalse();
	}

	@Test
	void refusedCancelShouldSayWhy() {
		this.executor.submitStored("browser-gone", this::awaitRelease);
		chromium.openDashboard(this.port, "admin", "admin-demo");
		stateOf("browser-gone", "RUNNING");
		cancelButton("browser-gone").click();
		WebElement confirm = chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-cancel")));
		this.executor.futures().pop("browser-gone");
		confirm.click();
		chromium.await(ExpectedConditions.textToBe(By.id("message"),
				"Future 'browser-gone' was not cancelled: Executor 'default' stores no future under the key "
						+ "'browser-gone'"));
	}

	@Test
	void adminShouldCancelWithTheKeyboardOnly() {
		FutureProxy<String> future = this.executor.submitStored("browser-keyboard", this::awaitRelease);
		chromium.openDashboard(this.port, "admin", "admin-demo");
		stateOf("browser-keyboard", "RUNNING");
		WebElement cancel = cancelButton("browser-keyboard");
		chromium.script("arguments[0].focus()", cancel);
		chromium.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-cancel")));
		chromium.driver().switchTo().activeElement().sendKeys(Keys.TAB);
		chromium.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
		assertThat(stateOf("browser-keyboard", "CANCELLED")).isEqualTo("CANCELLED");
		assertThat(future.isCancelled()).isTrue();
	}

	@Test
	void userShouldSeeNoValuesAndNoCancelButton() throws Exception {
		this.executor.submitStored("browser-hidden", () -> "secret").get(10, TimeUnit.SECONDS);
		this.executor.submitStored("browser-running", this::awaitRelease);
		chromium.openDashboard(this.port, "user", "user-demo");
		stateOf("browser-running", "RUNNING");
		assertThat(futureRow("browser-running").findElements(By.cssSelector("button.danger"))).isEmpty();
		assertThat(chromium.find(By.id("cancel-note")).getText())
			.isEqualTo("You cannot cancel futures here: you may not do this (HTTP 403).");
		futureRow("browser-hidden").findElement(By.cssSelector("button.link")).click();
		WebElement outcome = chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
		assertThat(outcome.getText()).isEqualTo("Hidden: show-values does not allow you to see it.");
	}

	@Test
	void thousandsOfStoredFuturesShouldBeShownAPageAtATimeNewestFirst() throws Exception {
		for (int i = 1; i <= 2000; i++) {
			this.reports.submitStored("bulk-" + i, () -> "done");
		}
		await().atMost(30, TimeUnit.SECONDS).until(() -> this.reports.futures().done("bulk-2000"));
		chromium.openDashboard(this.port, "admin", "admin-demo");
		executorRow("reports");
		new Select(chromium.find(By.id("executor"))).selectByVisibleText("reports");
		chromium.await(ExpectedConditions.textToBe(By.id("page"), "1–50 of 2000"));
		assertThat(chromium.findAll(By.cssSelector("#future-rows tr"))).hasSize(50);
		chromium.find(By.id("search")).sendKeys("bulk-1999");
		chromium.await(ExpectedConditions.textToBe(By.id("page"), "1–1 of 1"));
		assertThat(futureRow("bulk-1999").getText()).contains("FINISHED");
	}

	@Test
	void pageShouldFitAPhoneScreen() {
		chromium.emulatePhone();
		try {
			chromium.openDashboard(this.port, "admin", "admin-demo");
			executorRow("default");
			Object overflow = chromium.script("return document.documentElement.scrollWidth > window.innerWidth");
			assertThat(overflow).isEqualTo(false);
			chromium.screenshot("pageShouldFitAPhoneScreen-phone");
		}
		finally {
			chromium.stopEmulating();
		}
	}

	private String awaitRelease() throws InterruptedException {
		this.release.await();
		return "released";
	}

	private WebElement executorRow(String name) {
		return chromium.await(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#executor-rows tr[data-executor='" + name + "']")));
	}

	private WebElement futureRow(String key) {
		return chromium.await(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#future-rows tr[data-key='" + key + "']")));
	}

	private String stateOf(String key, String expected) {
		By state = By.cssSelector("#future-rows tr[data-key='" + key + "'] td.state");
		chromium.await(ExpectedConditions.textToBe(state, expected));
		return chromium.find(state).getText();
	}

	private WebElement cancelButton(String key) {
		return chromium.await(ExpectedConditions.elementToBeClickable(
				By.cssSelector("#future-rows tr[data-key='" + key + "'] button.danger")));
	}

	private static List<String> cells(WebElement row) {
		return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
	}

}
