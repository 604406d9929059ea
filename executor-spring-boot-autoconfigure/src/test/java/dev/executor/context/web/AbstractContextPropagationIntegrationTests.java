package dev.executor.context.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.context.web.ContextPropagationApplication.Reports;
import dev.executor.context.web.ContextPropagationApplication.Seen;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests, over HTTP, of the context that tasks started by a secured web
 * application see: each task waits until the client has its response before it reads
 * anything. Subclasses choose the executor type; the executor has a single worker.
 */
@SpringBootTest(classes = ContextPropagationApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "executor.max-workers=1", "management.tracing.sampling.probability=1.0" })
abstract class AbstractContextPropagationIntegrationTests {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private Reports reports;

	@Autowired
	private ManagedExecutor executor;

	@Autowired
	private ObservationRegistry observations;

	@Test
	void taskOfAnAuthenticatedRequestShouldSeeItsContextAfterTheResponseWasSent() throws Exception {
		assertThat(start("alice", "a1", "fr-CA", "corr-a1", "note a1").statusCode()).isEqualTo(200);
		awaitRequestRecycled("a1");
		this.reports.release("a1");
		Observation requestObservation = this.reports.requestObservations.get("a1");
		assertThat(seen("a1")).isEqualTo(expected("alice", "a1", "fr-CA", requestObservation));
		assertThat(observationAndParents(requestObservation)).contains("http.server.requests");
		assertThat(this.reports.taskTraceIds.get("a1")).isNotEqualTo("none")
			.isEqualTo(this.reports.requestTraceIds.get("a1"));
	}

	@Test
	void jobCalledByAnAuthenticatedRequestShouldSeeItsContextAfterTheResponseWasSent() throws Exception {
		assertThat(start("/job-reports", "bob", "j1", "de-AT", "corr-j1", "note j1").statusCode()).isEqualTo(200);
		awaitRequestRecycled("j1");
		this.reports.release("j1");
		assertThat(seen("j1")).isEqualTo(new Seen("bob", "de-AT", "corr-j1", this.reports.requestObservations.get("j1"),
				"note j1", "j1", "/job-reports", "GET", "/job-reports"));
	}

	@Test
	void taskShouldRunInAnObservationOfItsOwnWhoseParentIsTheRequestsObservation() throws Exception {
		start("alice", "o1", "en-US", "corr-o1", "note o1");
		this.reports.release("o1");
		seen("o1");
		ObservationView task = this.reports.taskObservations.get("o1");
		assertThat(task.getContextView().getName()).isEqualTo("executor.task");
		assertThat(task.getContextView().getParentObservation()).isSameAs(this.reports.requestObservations.get("o1"));
	}

	@Test
	void doneCallbackAddedByTheRequestShouldSeeItsContext() throws Exception {
		start("alice", "c1", "it-IT", "corr-c1", "note c1");
		this.reports.release("c1");
		seen("c1");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.reports.seenByCallbacks.containsKey("c1"));
		assertThat(this.reports.seenByCallbacks.get("c1"))
			.isEqualTo(expected("alice", "c1", "it-IT", this.reports.requestObservations.get("c1")));
	}

	@Test
	void oneWorkerShouldGiveEachTaskOnlyItsOwnContext() throws Exception {
		start("alice", "l1", "fr-FR", "corr-l1", "note l1");
		FutureProxy<Seen> nobody = this.executor.submit(() -> Seen.now(this.observations));
		start("bob", "l2", "de-DE", "corr-l2", "note l2");
		this.reports.release("l1");
		this.reports.release("l2");
		assertThat(seen("l1")).isEqualTo(expected("alice", "l1", "fr-FR", this.reports.requestObservations.get("l1")));
		assertThat(nobody.get(5, TimeUnit.SECONDS)).isEqualTo(Seen.NOTHING);
		assertThat(seen("l2")).isEqualTo(expected("bob", "l2", "de-DE", this.reports.requestObservations.get("l2")));
		Seen workerBetweenTasks = CompletableFuture
			.supplyAsync(() -> Seen.now(this.observations), this.executor.pool(ExecutorService.class).orElseThrow())
			.get(5, TimeUnit.SECONDS);
		assertThat(workerBetweenTasks).isEqualTo(Seen.NOTHING);
	}

	@Test
	void tasksSubmittedTogetherShouldSeeTheRequestAsAtTheirSubmissionEachInACopyOfItsOwn() throws Exception {
		start("/batch", "alice", "b1", "en-GB", "corr-b1", "note b1");
		this.reports.release("b1");
		List<String> seen = new ArrayList<>();
		for (FutureProxy<String> task : this.reports.batches.get("b1")) {
			seen.add(task.get(10, TimeUnit.SECONDS));
		}
		assertThat(seen).containsExactly("alice step=null mark=null correlation=corr-b1",
				"alice step=2 mark=null correlation=changed", "alice step=2 mark=null correlation=changed");
	}

	@Test
	void submissionWithoutARequestShouldRunWithNoContext() throws Exception {
		assertThat(this.executor.submit(() -> Seen.now(this.observations)).get(5, TimeUnit.SECONDS))
			.isEqualTo(Seen.NOTHING);
	}

	@Test
	void requestKeptBySpringsOwnAccessorShouldBeUnreadableOnceRecycled() throws Exception {
		start("alice", "s1", "en-GB", "corr-s1", "note s1");
		this.reports.release("s1");
		seen("s1");
		awaitRequestRecycled("s1");
	}

	private HttpResponse<String> start(String user, String id, String language, String correlation, String note)
			throws Exception {
		return start("/reports", user, id, language, correlation, note);
	}

	private HttpResponse<String> start(String path, String user, String id, String language, String correlation,
			String note) throws Exception {
		String credentials = Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path + "?id=" + id))
			.header("Authorization", "Basic " + credentials)
			.header("Accept-Language", language)
			.header("X-Correlation", correlation)
			.header("X-Note", note)
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("started " + id);
		return response;
	}

	private Seen seen(String id) throws Exception {
		FutureProxy<Seen> future = this.executor.futures().<Seen>get(id).orElseThrow();
		return future.get(10, TimeUnit.SECONDS);
	}

	private void awaitRequestRecycled(String id) {
		RequestAttributes shipped = this.reports.shippedCaptures.get(id);
		HttpServletRequest request = ((ServletRequestAttributes) shipped).getRequest();
		await().atMost(Duration.ofSeconds(5)).until(() -> unreadable(request));
	}

	private static boolean unreadable(HttpServletRequest request) {
		try {
			return request.getHeader("X-Note") == null;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

	private static List<String> observationAndParents(ObservationView observation) {
		List<String> names = new ArrayList<>();
		for (ObservationView view = observation; view != null; view = view.getContextView().getParentObservation()) {
			names.add(view.getContextView().getName());
		}
		return names;
	}

	private static Seen expected(String user, String id, String language, Observation observation) {
		return new Seen(user, language, "corr-" + id, observation, "note " + id, id, "/reports", "GET", "/reports");
	}

}
