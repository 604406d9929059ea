package dev.executor.process;

import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.executor.ExecutorSpec;
import dev.executor.autoconfigure.ExecutorProperties;
import dev.executor.autoconfigure.ExecutorSpecResolver;
import dev.executor.core.ExecutorBackends;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.InvalidExecutorPropertyException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ProcessBackend}.
 */
class ProcessBackendTests {

	@Test
	void createInANativeImageShouldFailNamingTheTypePropertyAndTheTypesThatWork() {
		ProcessBackend backend = new ProcessBackend(null, true);
		ExecutorSpec spec = isolatedSpec(backend);
		assertThatExceptionOfType(InvalidExecutorPropertyException.class).isThrownBy(() -> backend.create(spec))
			.withMessage("Invalid value 'process' for property 'executor.named.isolated.type': "
					+ "a native image cannot start the worker JVMs that run the tasks of a process executor")
			.satisfies((ex) -> assertThat(ex.getAction())
				.isEqualTo("Set it to 'thread' or 'virtual' in a native image, or run the application on a JVM "
						+ "to keep the tasks in worker processes"));
	}

	@Test
	void createOnAJvmShouldReturnAPoolOfWorkerProcesses() {
		ProcessBackend backend = new ProcessBackend(null);
		ExecutorService pool = backend.create(isolatedSpec(backend));
		try {
			assertThat(pool).isInstanceOf(ProcessPool.class);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static ExecutorSpec isolatedSpec(ProcessBackend backend) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		source.put("executor.named.isolated.type", "process");
		ExecutorProperties properties = new Binder(source).bindOrCreate("executor", ExecutorProperties.class);
		ExecutorBackends backends = new ExecutorBackends(List.<ExecutorBackend>of(backend));
		return new ExecutorSpecResolver(properties, backends).resolve("isolated");
	}

}
