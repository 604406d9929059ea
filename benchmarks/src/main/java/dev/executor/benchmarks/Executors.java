package dev.executor.benchmarks;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.executor.ExecutorBackend;
import dev.executor.ManagedExecutor;
import dev.executor.autoconfigure.ExecutorProperties;
import dev.executor.autoconfigure.ExecutorSpecResolver;
import dev.executor.context.SnapshotContextPropagation;
import dev.executor.core.ExecutorBackends;
import dev.executor.core.ManagedExecutorFactory;
import dev.executor.core.TaskFailureReporter;
import dev.executor.thread.ThreadPoolBackend;
import dev.executor.thread.VirtualThreadBackend;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.core.task.support.ExecutorServiceAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor;
import org.springframework.web.context.request.RequestAttributesThreadLocalAccessor;

/**
 * The executors under comparison, all with the same number of workers.
 */
final class Executors {

	private static final ContextRegistry registry = registerAccessors();

	private Executors() {
	}

	private static ContextRegistry registerAccessors() {
		ContextRegistry registry = ContextRegistry.getInstance();
		registry.registerThreadLocalAccessor(new SecurityContextHolderThreadLocalAccessor());
		registry.registerThreadLocalAccessor(new RequestAttributesThreadLocalAccessor());
		registry.registerThreadLocalAccessor(new Slf4jThreadLocalAccessor());
		return registry;
	}

	static ExecutorService create(String kind, int workers) {
		return switch (kind) {
			case "raw" -> new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
			case "spring" -> springPropagating(workers);
			case "managed" -> managed("thread", workers, (properties) -> {
			});
			case "managed-no-context" -> managed("thread", workers,
					(properties) -> properties.getContext().setPropagate(false));
			case "virtual" -> managed("virtual", workers, (properties) -> {
			});
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

	static ManagedExecutor managed(String type, int workers, Consumer<ExecutorProperties> customizer) {
		ExecutorProperties properties = new ExecutorProperties();
		properties.setType(type);
		properties.setMaxWorkers(workers);
		customizer.accept(properties);
		ExecutorBackends backends = new ExecutorBackends(
				List.<ExecutorBackend>of(new ThreadPoolBackend(), new VirtualThreadBackend()));
		ManagedExecutorFactory factory = new ManagedExecutorFactory(backends,
				new SnapshotContextPropagation(registry), new TaskFailureReporter(List.of(), (event) -> {
				}), List.of());
		return factory.create(new ExecutorSpecResolver(properties, backends).resolve(ManagedExecutor.DEFAULT_NAME));
	}

}
