package dev.executor.sample.dashboard;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests in headless Chromium of the executors dashboard of an application that does not
 * expose the {@code executors} endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=health")
class DashboardNotExposedBrowserTests {

	private static Chromium chromium;

	@LocalServerPort
	private int port;

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

	@Test
	void pageShouldSayWhichPropertyExposesTheEndpoint() {
		chromium.openDashboard(this.port, "user", "user-demo");
		WebElement message = chromium
			.await(ExpectedConditions.visibilityOfElementLocated(By.id("not-exposed")));
		chromium.screenshot("pageShouldSayWhichPropertyExposesTheEndpoint");
		assertThat(message.getText()).contains("The executors endpoint is not exposed")
			.contains("management.endpoints.web.exposure.include=executors");
		assertThat(chromium.find(By.id("executors")).isDisplayed()).isFalse();
	}

}
