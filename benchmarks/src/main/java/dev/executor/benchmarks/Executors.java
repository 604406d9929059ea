package dev.executor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.executor.ExecutorSpec;
import dev.executor.ManagedExecutor;
import dev.executor.autoconfigure.ExecutorProperties;
import dev.executor.autoconfigure.ExecutorSpecResolver;
import dev.executor.context.ContextPropagation;
import dev.executor.context.ContextPropagationFactory;
import dev.executor.context.SnapshotContextPropagation;
import dev.executor.core.ExecutorBackends;
import dev.executor.core.ManagedExecutorFactory;
import dev.executor.core.TaskFailureReporter;
import dev.executor.process.ProcessBackend;
import dev.executor.spi.ExecutorBackend;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.core.task.support.ExecutorServiceAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor;
import org.springframework.web.context.request.RequestAttributesThreadLocalAccessor;

/**
 * The executors under comparison, all with the same number of workers.
 */
final class Executors {

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	static {
		registerAccessors();
	}

	private Executors() {
	}

	// what a Spring user registers by hand for ContextPropagatingTaskDecorator
	private static void registerAccessors() {
		ContextRegistry registry = ContextRegistry.getInstance();
		registry.registerThreadLocalAccessor(new SecurityContextHolderThreadLocalAccessor());
		registry.registerThreadLocalAccessor(new RequestAttributesThreadLocalAccessor());
		registry.registerThreadLocalAccessor(new Slf4jThreadLocalAccessor());
	}

	static ExecutorService create(String kind, int workers) {
		return switch (kind) {
			case "raw" -> new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
			case "spring" -> springPropagating(workers);
			case "managed" -> managed("thread", workers);
			case "managed-no-context" -> managed("thread", workers, "executor.context.propagate=false");
			case "virtual" -> managed("virtual", workers);
			// not in the report: how the pool's hand-off weighs, with a pool that has no shared lock
			case "raw-fork-join" -> new ForkJoinPool(workers);
			case "managed-fork-join" ->
				managed("custom", workers, "executor.pool-class=" + ForkJoinPool.class.getName());
			default -> throw new IllegalArgumentException("Unknown executor kind " + kind);
		};
	}

	// what a Spring user would write by hand: Spring's pool with Spring's context decorator
	private static ExecutorService springPropagating(int workers) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(workers);
		executor.setMaxPoolSize(workers);
		executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
		executor.initialize();
		return new ExecutorServiceAdapter(executor) {

			@Override
			public void shutdown() {
				executor.shutdown();
			}

		};
	}

	/**
	 * Start an application context with the starter's own wiring, so that the benchmark
	 * measures exactly what an application gets, and return its default executor. The
	 * context stays open until {@link #closeAll()}.
	 */
	static ManagedExecutor managed(String type, int workers, String... properties) {
		return managed(type, workers, List.of(), properties);
	}

	/**
	 * Start an application context as {@link #managed(String, int, String...)} does, with
	 * more configuration classes of the application.
	 */
	static ManagedExecutor managed(String type, int workers, List<Class<?>> sources, String... properties) {
		List<String> all = new ArrayList<>(List.of("executor.type=" + type, "executor.max-workers=" + workers,
				"spring.main.banner-mode=off", "logging.level.root=warn"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.sources(sources.toArray(Class<?>[]::new))
			.web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
		contexts.add(context);
		return context.getBean(ManagedExecutor.class);
	}

	/**
	 * Return how an executor that {@link #managed(String, int, String...)} started
	 * captures the submitting thread's context: the propagation its application context
	 * creates for its settings.
	 */
	static ContextPropagation contextPropagation(ManagedExecutor executor) {
		for (ConfigurableApplicationContext context : contexts) {
			if (context.getBeansOfType(ManagedExecutor.class).containsValue(executor)) {
				return context.getBean(ContextPropagationFactory.class).create(executor.spec());
			}
		}
		throw new IllegalArgumentException("No application context of the benchmarks holds " + executor);
	}

	/**
	 * Shut down an executor that {@link #create(String, int)} made, wait for its tasks to
	 * end, and close the application contexts of the managed executors.
	 */
	static void close(ExecutorService service) throws InterruptedException {
		service.shutdown();
		service.awaitTermination(10, TimeUnit.SECONDS);
		closeAll();
	}

	static void closeAll() {
		contexts.forEach(ConfigurableApplicationContext::close);
		contexts.clear();
	}

	/**
	 * Create a process executor as the auto-configuration would, without an application
	 * context, so that creating one measures the pool alone.
	 */
	static ManagedExecutor process(int workers) {
		ExecutorProperties properties = new ExecutorProperties();
		properties.setType("process");
		properties.setMaxWorkers(workers);
		ExecutorBackends backends = new ExecutorBackends(List.<ExecutorBackend>of(new ProcessBackend(null)));
		ExecutorSpec spec = new ExecutorSpecResolver(properties, backends).resolve(ManagedExecutor.DEFAULT_NAME);
		ManagedExecutorFactory factory = new ManagedExecutorFactory(backends, new SnapshotContextPropagation(),
				new TaskFailureReporter(List.of(), (event) -> {
				}), List.of());
		return factory.create(spec);
	}

	@SpringBootApplication
	static class BenchmarkApplication {

	}

}
