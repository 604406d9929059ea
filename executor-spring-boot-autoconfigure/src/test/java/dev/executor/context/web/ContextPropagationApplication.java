package dev.executor.context.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.executor.FutureProxy;
import dev.executor.Job;
import dev.executor.JobKey;
import dev.executor.Jobs;
import dev.executor.ManagedExecutor;
import dev.executor.actuate.observation.TaskObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestAttributesThreadLocalAccessor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A secured web application whose endpoint hands work to a managed executor and answers
 * before the work reads the request.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class ContextPropagationApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService userDetailsService() {
		return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}secret").roles("USER").build(),
				User.withUsername("bob").password("{noop}secret").roles("USER").build());
	}

	@Bean
	OncePerRequestFilter correlationFilter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				MDC.put("correlation", request.getHeader("X-Correlation"));
				try {
					chain.doFilter(request, response);
				}
				finally {
					MDC.remove("correlation");
				}
			}

		};
	}

	/**
	 * Starts reports that wait to be released, so that they read the request after the
	 * response has been sent.
	 */
	@RestController
	static class Reports {

		final Map<String, Observation> requestObservations = new ConcurrentHashMap<>();

		final Map<String, RequestAttributes> shippedCaptures = new ConcurrentHashMap<>();

		final Map<String, Seen> seenByCallbacks = new ConcurrentHashMap<>();

		final Map<String, String> requestTraceIds = new ConcurrentHashMap<>();

		final Map<String, String> taskTraceIds = new ConcurrentHashMap<>();

		final Map<String, ObservationView> taskObservations = new ConcurrentHashMap<>();

		final Map<String, List<FutureProxy<String>>> batches = new ConcurrentHashMap<>();

		private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();

		private final ManagedExecutor executor;

		private final ObservationRegistry observations;

		private final ObjectProvider<JobReports> jobs;

		private final Tracer tracer;

		Reports(ManagedExecutor executor, ObservationRegistry observations, ObjectProvider<JobReports> jobs,
				Tracer tracer) {
			this.executor = executor;
			this.observations = observations;
			this.jobs = jobs;
			this.tracer = tracer;
		}

		@GetMapping("/job-reports")
		String startJob(@RequestParam String id) {
			return start(id, () -> this.jobs.getObject().see(id));
		}

		@GetMapping("/reports")
		String start(@RequestParam String id) {
			return start(id, () -> this.executor.submitStored(id, () -> {
				latch(id).await(10, TimeUnit.SECONDS);
				recordTraceId(this.taskTraceIds, id);
				Observation task = this.observations.getCurrentObservation();
				if (task != null) {
					this.taskObservations.put(id, task);
				}
				return Seen.now(this.observations);
			}));
		}

		// three tasks from one request, the request attribute "step" and the MDC changed
		// between the first and the second; each task marks its copy of the request
		@GetMapping("/batch")
		String batch(@RequestParam String id, HttpServletRequest request) {
			List<FutureProxy<String>> tasks = new ArrayList<>();
			tasks.add(this.executor.submit(() -> seenInBatch(id)));
			request.setAttribute("step", "2");
			MDC.put("correlation", "changed");
			tasks.add(this.executor.submit(() -> seenInBatch(id)));
			tasks.add(this.executor.submit(() -> seenInBatch(id)));
			this.batches.put(id, tasks);
			return "started " + id;
		}

		private String seenInBatch(String id) throws InterruptedException {
			latch(id).await(10, TimeUnit.SECONDS);
			HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
				.getRequest();
			String seen = SecurityContextHolder.getContext().getAuthentication().getName() + " step="
					+ request.getAttribute("step") + " mark=" + request.getAttribute("mark") + " correlation="
					+ MDC.get("correlation");
			request.setAttribute("mark", Thread.currentThread().getName());
			return seen;
		}

		private void recordTraceId(Map<String, String> traceIds, String id) {
			Span span = this.tracer.currentSpan();
			traceIds.put(id, (span != null) ? span.context().traceId() : "none");
		}

		private String start(String id, Supplier<FutureProxy<Seen>> submission) {
			recordTraceId(this.requestTraceIds, id);
			Observation current = this.observations.getCurrentObservation();
			if (current != null) {
				this.requestObservations.put(id, current);
			}
			RequestAttributes shipped = new RequestAttributesThreadLocalAccessor().getValue();
			if (shipped != null) {
				this.shippedCaptures.put(id, shipped);
			}
			submission.get().addDoneCallback((future) -> this.seenByCallbacks.put(id, Seen.now(this.observations)));
			return "started " + id;
		}

		void release(String id) {
			latch(id).countDown();
		}

		CountDownLatch latch(String id) {
			return this.releases.computeIfAbsent(id, (key) -> new CountDownLatch(1));
		}

	}

	/**
	 * A {@link Job} that waits to be released, then reports what it saw.
	 */
	static class JobReports {

		private final Reports reports;

		private final ObservationRegistry observations;

		JobReports(Reports reports, ObservationRegistry observations) {
			this.reports = reports;
			this.observations = observations;
		}

		@Job
		public FutureProxy<Seen> see(@JobKey String id) {
			try {
				this.reports.latch(id).await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Jobs.completed(Seen.now(this.observations));
		}

	}

	@Bean
	JobReports jobReports(Reports reports, ObservationRegistry observations) {
		return new JobReports(reports, observations);
	}

	/**
	 * What a task saw of its submitter's context.
	 *
	 * @param user the name of the authenticated user
	 * @param locale the locale
	 * @param correlation the correlation id in the MDC
	 * @param observation the submitter's observation: the current one, or in a task its
	 * parent
	 * @param note the X-Note request header
	 * @param id the id request parameter
	 * @param uri the request URI
	 * @param method the request method
	 * @param route the best matching pattern, a request attribute
	 */
	record Seen(@Nullable String user, @Nullable String locale, @Nullable String correlation,
			@Nullable Observation observation, @Nullable String note, @Nullable String id, @Nullable String uri,
			@Nullable String method, @Nullable Object route) {

		static final Seen NOTHING = new Seen(null, null, null, null, null, null, null, null, null);

		// a task runs in an observation of its own, whose parent is the submitter's
		private static @Nullable Observation submitterObservation(ObservationRegistry observations) {
			Observation current = observations.getCurrentObservation();
			if (current != null && TaskObservations.NAME.equals(current.getContext().getName())) {
				return (Observation) current.getContext().getParentObservation();
			}
			return current;
		}

		static Seen now(ObservationRegistry observations) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			HttpServletRequest request = (RequestContextHolder
				.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
			return new Seen((authentication != null) ? authentication.getName() : null,
					(LocaleContextHolder.getLocaleContext() != null) ? LocaleContextHolder.getLocale().toLanguageTag()
							: null,
					MDC.get("correlation"), submitterObservation(observations),
					(request != null) ? request.getHeader("X-Note") : null,
					(request != null) ? request.getParameter("id") : null,
					(request != null) ? request.getRequestURI() : null,
					(request != null) ? request.getMethod() : null,
					(request != null) ? request.getAttribute(
							"org.springframework.web.servlet.HandlerMapping.bestMatchingPattern") : null);
		}

	}

}
