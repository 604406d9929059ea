package dev.executor.autoconfigure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import dev.executor.ExecutorSpec;
import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.ManagedExecutors;
import dev.executor.context.ContextPropagationFactory;
import dev.executor.context.NamedThreadLocalAccessor;
import dev.executor.context.TaskContext;
import dev.executor.context.logging.LogbackMdcThreadLocalAccessor;
import dev.executor.spi.InvalidExecutorPropertyException;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the propagation of the submitting thread's context into tasks.
 */
class ContextPropagationTests {

	private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

	private static final ObservationRegistry observations = observationRegistry();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ExecutorAutoConfiguration.class));

	private Observation.@Nullable Scope observationScope;

	@AfterEach
	void clearContext() {
		leave();
		SecurityContextHolder.setStrategyName(SecurityContextHolder.MODE_THREADLOCAL);
		ContextRegistry.getInstance().removeThreadLocalAccessor("tenant");
	}

	@Test
	void threadExecutorShouldGiveEachTaskOnlyItsOwnContext() {
		assertEachTaskSeesOnlyItsOwnContext("thread");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualExecutorShouldGiveEachTaskOnlyItsOwnContext() {
		assertEachTaskSeesOnlyItsOwnContext("virtual");
	}

	private void assertEachTaskSeesOnlyItsOwnContext(String type) {
		this.contextRunner.withUserConfiguration(TenantConfiguration.class)
			.withPropertyValues("executor.type=" + type, "executor.max-workers=1")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutor.class);
				Seen expectedAlice = enter("alice");
				Seen alice = executor.submit(Seen::now).get(5, TimeUnit.SECONDS);
				leave();
				Seen nobody = executor.submit(Seen::now).get(5, TimeUnit.SECONDS);
				Seen expectedBob = enter("bob");
				Seen bob = executor.submit(Seen::now).get(5, TimeUnit.SECONDS);
				leave();
				Seen workerBetweenTasks = CompletableFuture
					.supplyAsync(Seen::now, executor.pool(ExecutorService.class).orElseThrow())
					.get(5, TimeUnit.SECONDS);
				assertThat(alice).isEqualTo(expectedAlice);
				assertThat(nobody).isEqualTo(Seen.NOTHING);
				assertThat(bob).isEqualTo(expectedBob);
				assertThat(workerBetweenTasks).isEqualTo(Seen.NOTHING);
			});
	}

	@Test
	void inheritableSecurityContextShouldNeverReachTasksOfOtherUsers() {
		SecurityContextHolder.setStrategyName(SecurityContextHolder.MODE_INHERITABLETHREADLOCAL);
		this.contextRunner.withPropertyValues("executor.max-workers=1").run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			authenticate("alice");
			assertThat(executor.submit(ContextPropagationTests::currentUser).get(5, TimeUnit.SECONDS)).isEqualTo("alice");
			SecurityContextHolder.clearContext();
			String inheritedByWorker = CompletableFuture
				.supplyAsync(ContextPropagationTests::currentUser, executor.pool(ExecutorService.class).orElseThrow())
				.get(5, TimeUnit.SECONDS);
			String noUser = executor.submit(ContextPropagationTests::currentUser).get(5, TimeUnit.SECONDS);
			authenticate("bob");
			String bob = executor.submit(ContextPropagationTests::currentUser).get(5, TimeUnit.SECONDS);
			assertThat(inheritedByWorker).isEqualTo("alice");
			assertThat(noUser).isNull();
			assertThat(bob).isEqualTo("bob");
		});
	}

	@Test
	void executorThatDoesNotPropagateShouldStillHideWhatItsWorkerInherited() {
		SecurityContextHolder.setStrategyName(SecurityContextHolder.MODE_INHERITABLETHREADLOCAL);
		this.contextRunner.withPropertyValues("executor.max-workers=1", "executor.context.propagate=false")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutor.class);
				authenticate("alice");
				assertThat(executor.submit(ContextPropagationTests::currentUser).get(5, TimeUnit.SECONDS)).isNull();
			});
	}

	@Test
	void taskShouldKeepThePrincipalWhenTheSubmittingThreadLogsOut() {
		this.contextRunner.run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			Authentication alice = authenticate("alice");
			CountDownLatch loggedOut = new CountDownLatch(1);
			FutureProxy<SecurityContext> seen = executor.submit(() -> {
				loggedOut.await(5, TimeUnit.SECONDS);
				return SecurityContextHolder.getContext();
			});
			SecurityContext submitterContext = SecurityContextHolder.getContext();
			submitterContext.setAuthentication(null);
			SecurityContextHolder.clearContext();
			loggedOut.countDown();
			SecurityContext taskContext = seen.get(5, TimeUnit.SECONDS);
			assertThat(taskContext).isNotSameAs(submitterContext);
			assertThat(taskContext.getAuthentication()).isSameAs(alice);
		});
	}

	@Test
	void mapShouldRestoreTheCallersContextInEveryItemOnManyWorkersAtOnce() {
		this.contextRunner.withUserConfiguration(TenantConfiguration.class)
			.withPropertyValues("executor.max-workers=4")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutor.class);
				Seen expected = enter("alice");
				SecurityContext callerContext = SecurityContextHolder.getContext();
				CountDownLatch allRunning = new CountDownLatch(4);
				List<Item> items = executor.map((n) -> Item.seenTogether(allRunning), List.of(1, 2, 3, 4, 5, 6, 7, 8))
					.toList();
				assertThat(items).extracting(Item::seen).containsOnly(expected);
				Set<SecurityContext> itemContexts = Collections.newSetFromMap(new IdentityHashMap<>());
				items.forEach((item) -> itemContexts.add(item.securityContext()));
				assertThat(itemContexts).hasSize(items.size()).noneMatch((itemContext) -> itemContext == callerContext);
				assertThat(Seen.now()).isEqualTo(expected);
				assertThat(SecurityContextHolder.getContext()).isSameAs(callerContext);
			});
	}

	@Test
	void doneCallbackShouldSeeTheContextOfTheThreadThatAddedIt() {
		this.contextRunner.withUserConfiguration(TenantConfiguration.class).run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			CountDownLatch release = new CountDownLatch(1);
			enter("alice");
			FutureProxy<Boolean> future = executor.submit(() -> release.await(5, TimeUnit.SECONDS));
			leave();
			Seen bob = enter("bob");
			CompletableFuture<Seen> seenByCallback = new CompletableFuture<>();
			future.addDoneCallback((done) -> seenByCallback.complete(Seen.now()));
			leave();
			release.countDown();
			assertThat(seenByCallback.get(5, TimeUnit.SECONDS)).isEqualTo(bob);
		});
	}

	@Test
	void defaultDoneCallbackShouldSeeTheContextOfTheSubmitter() {
		this.contextRunner.withUserConfiguration(TenantConfiguration.class).run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			CompletableFuture<Seen> seenByCallback = new CompletableFuture<>();
			executor.addDefaultDoneCallback((done) -> seenByCallback.complete(Seen.now()));
			Seen alice = enter("alice");
			executor.submit(() -> "done");
			leave();
			assertThat(seenByCallback.get(5, TimeUnit.SECONDS)).isEqualTo(alice);
		});
	}

	@Test
	void doneCallbackRunOnTheSubmittingThreadShouldPutItsContextBack() {
		this.contextRunner.run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			enter("alice");
			FutureProxy<String> future = executor.submit(() -> "done");
			future.join();
			leave();
			Seen bob = enter("bob");
			SecurityContext bobContext = SecurityContextHolder.getContext();
			Object bobAttributes = RequestContextHolder.getRequestAttributes();
			future.addDoneCallback((done) -> SecurityContextHolder.clearContext());
			assertThat(Seen.now()).isEqualTo(bob);
			assertThat(SecurityContextHolder.getContext()).isSameAs(bobContext);
			assertThat(RequestContextHolder.getRequestAttributes()).isSameAs(bobAttributes);
		});
	}

	@Test
	void includeShouldLimitWhatTasksSee() {
		this.contextRunner.withUserConfiguration(TenantConfiguration.class)
			.withPropertyValues("executor.context.include=security,mdc")
			.run((context) -> {
				ManagedExecutor executor = context.getBean(ManagedExecutor.class);
				enter("alice");
				Seen seen = executor.submit(Seen::now).get(5, TimeUnit.SECONDS);
				assertThat(seen).isEqualTo(new Seen("alice", null, Map.of("user", "alice"), null, null, null));
			});
	}

	@Test
	void namedExecutorShouldFallBackToTopLevelInclude() {
		this.contextRunner
			.withPropertyValues("executor.context.include=mdc", "executor.named.reports.max-workers=1",
					"executor.named.audit.context.include=security,request")
			.run((context) -> {
				ManagedExecutors executors = context.getBean(ManagedExecutors.class);
				assertThat(spec(executors.get("default")).contextInclude()).containsExactly("mdc");
				assertThat(spec(executors.get("reports")).contextInclude()).containsExactly("mdc");
				assertThat(spec(executors.get("audit")).contextInclude()).containsExactly("security", "request");
			});
	}

	@Test
	void includeShouldDefaultToEverything() {
		this.contextRunner.run((context) -> assertThat(spec(context.getBean(ManagedExecutor.class)).contextInclude())
			.isNull());
	}

	@Test
	void unknownIncludeNameShouldFailStartUpNamingPropertyValueAndValidNames() {
		this.contextRunner.withPropertyValues("executor.named.reports.context.include=mdc,secruity")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidExecutorPropertyException.class)
					.hasMessageStartingWith("Invalid value 'secruity' for property "
							+ "'executor.named.reports.context.include': unknown context name, valid names are "
							+ "[request, security, locale, mdc, observation");
			});
	}

	@Test
	void accessorRegisteredWithTheContextRegistryShouldBePropagatedUnderItsKey() {
		ContextRegistry.getInstance().registerThreadLocalAccessor("tenant", TENANT);
		this.contextRunner.withPropertyValues("executor.context.include=tenant").run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			enter("alice");
			TENANT.set("acme");
			Seen seen = executor.submit(Seen::now).get(5, TimeUnit.SECONDS);
			assertThat(seen).isEqualTo(new Seen(null, null, Map.of(), null, null, "acme"));
		});
	}

	@Test
	void accessorRegisteredAfterStartUpShouldBePropagatedToo() {
		this.contextRunner.run((context) -> {
			ManagedExecutor executor = context.getBean(ManagedExecutor.class);
			ContextRegistry.getInstance().registerThreadLocalAccessor("tenant", TENANT);
			TENANT.set("acme");
			assertThat(executor.submit(TENANT::get).get(5, TimeUnit.SECONDS)).isEqualTo("acme");
		});
	}

	@Test
	void mdcShouldBeReadThroughLogbackWhenLogbackHoldsIt() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean("mdcContextAccessor", NamedThreadLocalAccessor.class).accessor())
			.isInstanceOf(LogbackMdcThreadLocalAccessor.class));
	}

	@Test
	void mdcShouldBeReadThroughSlf4jWithoutLogback() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("ch.qos.logback"))
			.run((context) -> assertThat(
					context.getBean("mdcContextAccessor", NamedThreadLocalAccessor.class).accessor())
				.isInstanceOf(Slf4jThreadLocalAccessor.class));
	}

	@Test
	void userDefinedContextPropagationFactoryShouldBackOff() {
		this.contextRunner.withUserConfiguration(CustomPropagationConfiguration.class).run((context) -> {
			assertThat(context).getBean(ContextPropagationFactory.class)
				.isSameAs(context.getBean(CustomPropagationConfiguration.class).factory);
			enter("alice");
			assertThat(context.getBean(ManagedExecutor.class).submit(ContextPropagationTests::currentUser).get(5,
					TimeUnit.SECONDS))
				.isEqualTo("alice");
		});
	}

	private static ExecutorSpec spec(ManagedExecutor executor) {
		return executor.spec();
	}

	private Seen enter(String user) {
		authenticate(user);
		Locale locale = Locale.forLanguageTag(user.equals("alice") ? "fr-FR" : "de-DE");
		LocaleContextHolder.setLocale(locale);
		MDC.put("user", user);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET",
				"/" + user)));
		Observation observation = Observation.start(user, observations);
		this.observationScope = observation.openScope();
		TENANT.set(user + "-tenant");
		return new Seen(user, locale, Map.of("user", user), "/" + user, observation, user + "-tenant");
	}

	private void leave() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
		MDC.clear();
		RequestContextHolder.resetRequestAttributes();
		if (this.observationScope != null) {
			this.observationScope.close();
			this.observationScope = null;
		}
		TENANT.remove();
	}

	private static Authentication authenticate(String user) {
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, "n/a", List.of());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		return authentication;
	}

	private static @Nullable String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : null;
	}

	private static ObservationRegistry observationRegistry() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		return registry;
	}

	/**
	 * What a task sees of the context.
	 */
	record Seen(@Nullable String user, @Nullable Locale locale, Map<String, String> mdc, @Nullable String requestUri,
			@Nullable Observation observation, @Nullable String tenant) {

		static final Seen NOTHING = new Seen(null, null, Map.of(), null, null, null);

		static Seen now() {
			Map<String, String> mdc = MDC.getCopyOfContextMap();
			return new Seen(currentUser(),
					(LocaleContextHolder.getLocaleContext() != null) ? LocaleContextHolder.getLocale() : null,
					(mdc != null) ? mdc : Map.of(), currentRequestUri(), observations.getCurrentObservation(), TENANT.get());
		}

		private static @Nullable String currentRequestUri() {
			return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
					? attributes.getRequest().getRequestURI() : null;
		}

	}

	record Item(Seen seen, SecurityContext securityContext) {

		static Item seenTogether(CountDownLatch allRunning) {
			allRunning.countDown();
			try {
				assertThat(allRunning.await(5, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new Item(Seen.now(), SecurityContextHolder.getContext());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TenantConfiguration {

		// tag::tenant[]
		@Bean
		NamedThreadLocalAccessor tenantContextAccessor() {
			return new NamedThreadLocalAccessor("tenant", new TenantAccessor());
		}
		// end::tenant[]

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomPropagationConfiguration {

		final ContextPropagationFactory factory = ContextPropagationFactory.of(
				() -> authenticatedAs(SecurityContextHolder.getContext().getAuthentication()));

		@Bean
		ContextPropagationFactory contextPropagationFactory() {
			return this.factory;
		}

		private static TaskContext authenticatedAs(@Nullable Authentication authentication) {
			return () -> {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(authentication);
				SecurityContextHolder.setContext(context);
				return SecurityContextHolder::clearContext;
			};
		}

	}

	// tag::tenant[]
	static class TenantAccessor implements ThreadLocalAccessor<String> {

		@Override
		public Object key() {
			return "tenant.bean";
		}

		@Override
		public @Nullable String getValue() {
			return TENANT.get();
		}

		@Override
		public void setValue(String value) {
			TENANT.set(value);
		}

		@Override
		public void setValue() {
			TENANT.remove();
		}

	}
	// end::tenant[]

}
