package dev.executor.actuate.dashboard;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for {@link ExecutorsDashboard}.
 */
class ExecutorsDashboardTests {

	@Test
	void pageShouldNameTheEndpointAndItsAssetsUnderTheContextPath() throws Exception {
		MockMvc mvc = mvc("/executors-dashboard", "/actuator/executors");
		mvc.perform(get("/shop/executors-dashboard").contextPath("/shop"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("data-endpoint=\"/shop/actuator/executors\"")))
			.andExpect(content().string(containsString("src=\"/shop/executors-dashboard/assets/dashboard.js\"")));
	}

	@Test
	void pageWhenTheEndpointIsNotExposedShouldNameNoEndpoint() throws Exception {
		mvc("/executors-dashboard", null).perform(get("/executors-dashboard"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-endpoint=\"\"")));
	}

	@Test
	void pageShouldForbidLoadingAnythingFromElsewhere() throws Exception {
		mvc("/executors-dashboard", "/actuator/executors").perform(get("/executors-dashboard/"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
			.andExpect(header().string("Content-Security-Policy", containsString("connect-src 'self'")));
	}

	@Test
	void pageShouldBeServedAtTheConfiguredPath() throws Exception {
		MockMvc mvc = mvc("/ops/executors/", "/actuator/executors");
		mvc.perform(get("/ops/executors")).andExpect(status().isOk());
		mvc.perform(get("/executors-dashboard")).andExpect(status().isNotFound());
	}

	@Test
	void pathWithoutALeadingSlashShouldBeServedFromTheRoot() throws Exception {
		mvc("ops/executors", "/actuator/executors").perform(get("/ops/executors"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/ops/executors/assets/dashboard.css\"")));
	}

	@Test
	void assetsShouldBeServedBesideThePage() throws Exception {
		MockMvc mvc = mvc("/executors-dashboard", "/actuator/executors");
		mvc.perform(get("/executors-dashboard/assets/dashboard.js")).andExpect(status().isOk());
		mvc.perform(get("/executors-dashboard/assets/dashboard.css")).andExpect(status().isOk());
		mvc.perform(get("/executors-dashboard/assets/charts.js")).andExpect(status().isOk());
	}

	@Test
	void templateShouldNotBeServedAsAnAsset() throws Exception {
		mvc("/executors-dashboard", "/actuator/executors").perform(get("/executors-dashboard/assets/../page.html"))
			.andExpect(status().isNotFound());
	}

	@Test
	void runtimeHintsShouldIncludeThePageAndItsAssets() {
		RuntimeHints hints = new RuntimeHints();
		new ExecutorsDashboard.ExecutorsDashboardRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/executors-dashboard/page.html"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/executors-dashboard/assets/dashboard.js"))
			.accepts(hints);
	}

	private static MockMvc mvc(String path, String endpointPath) {
		return MockMvcBuilders.routerFunctions(new ExecutorsDashboard(path, () -> endpointPath)).build();
	}

}
