package dev.executor.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the sample application over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void reportShouldBeBuiltOnTheDefaultAndReportsExecutors() {
		Map<String, Object> report = client().get()
			.uri("/reports/{name}", "sales")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(report).containsEntry("title", "Report sales").containsEntry("pages", 50)
			.containsEntry("executor", "reports");
	}

	@Test
	void renderedReportShouldComeFromJobMethods() {
		Map<String, Object> rendered = client().get()
			.uri("/rendered/{name}", "q3")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(rendered).containsEntry("key", "report-q3").containsEntry("pages", 20);
		assertThat((String) rendered.get("report")).startsWith("Report q3 rendered on reports-");
	}

	@Test
	void pageCountsShouldComeBackInInputOrder() {
		List<Integer> counts = client().get()
			.uri("/page-counts?name=abc,a,ab")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(counts).containsExactly(30, 10, 20);
	}

	@Test
	void squaresShouldComeBackInInputOrder() {
		List<Integer> squares = client().get()
			.uri("/squares?n=3,1,2")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(squares).containsExactly(9, 1, 4);
	}

	@Test
	void primesShouldBeCountedInAWorkerProcess() {
		Map<String, Object> primes = client().get()
			.uri("/isolated/primes?below=100")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(primes).containsEntry("below", 100).containsEntry("primes", 25);
		assertThat(((Number) primes.get("workerPid")).longValue()).isNotEqualTo(ProcessHandle.current().pid());
	}

	@Test
	void primesShouldBeCountedByAJobInAWorkerProcess() {
		Map<String, Object> primes = client().get()
			.uri("/isolated/primes/job?below=100")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(primes).containsEntry("below", 100).containsEntry("primes", 25);
		assertThat(((Number) primes.get("workerPid")).longValue()).isNotEqualTo(ProcessHandle.current().pid());
	}

	@Test
	void executorsShouldListTheConfiguredOnes() {
		List<Map<String, Object>> executors = client().get()
			.uri("/executors")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(executors).extracting((executor) -> executor.get("name"))
			.containsExactlyInAnyOrder("default", "reports", "notifications", "isolated", "partner");
	}

}
