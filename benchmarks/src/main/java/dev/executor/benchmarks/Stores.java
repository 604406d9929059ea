package dev.executor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.hazelcast.config.Config;
import dev.executor.ManagedExecutor;
import dev.executor.hazelcast.LoopbackHazelcastConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Application instances whose default {@code thread} executor keeps its stored futures
 * in one of the stores: {@code local}, {@code hazelcast} (an embedded member on
 * loopback, in a cluster of its own), {@code h2} (the database store on an H2 database in
 * memory) or {@code postgresql} (the database store on the database named by
 * {@value #POSTGRESQL_URL}).
 */
final class Stores {

	/**
	 * The system property that names the PostgreSQL database, passed on to JMH's JVMs.
	 */
	static final String POSTGRESQL_URL = "benchmarks.postgresql-url";

	static final String DEFAULT_POLL_INTERVAL = "500ms";

	private Stores() {
	}

	static @Nullable String postgresqlUrl() {
		String url = System.getProperty(POSTGRESQL_URL);
		return (url != null && !url.isBlank()) ? url : null;
	}

	/**
	 * Return what the instances of one cluster or database share: a cluster name, or a
	 * database URL and table of their own.
	 * @param store the store
	 * @param pollInterval the database store's poll interval
	 * @return the properties
	 */
	static List<String> shared(String store, String pollInterval) {
		String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
		List<String> properties = new ArrayList<>(List.of("executor.futures.max-length=1024"));
		switch (store) {
			case "local" -> {
			}
			case "hazelcast" -> properties.addAll(List.of("executor.futures.store=hazelcast",
					"benchmarks.hazelcast.cluster=benchmarks-" + id, "logging.level.com.hazelcast=error"));
			case "h2" -> properties.addAll(jdbc("jdbc:h2:mem:benchmarks-" + id + ";DB_CLOSE_DELAY=-1", id, pollInterval));
			case "postgresql" -> properties.addAll(jdbc(postgresqlUrl(), id, pollInterval));
			default -> throw new IllegalArgumentException("Unknown store " + store);
		}
		return properties;
	}

	private static List<String> jdbc(@Nullable String url, String id, String pollInterval) {
		if (url == null) {
			throw new IllegalStateException("No PostgreSQL database: give --postgresql-url or TEST_POSTGRESQL_URL");
		}
		return List.of("spring.datasource.url=" + url, "executor.futures.store=jdbc",
				"executor.futures.jdbc.initialize-schema=always", "executor.futures.jdbc.table-name=BF_" + id,
				"executor.futures.jdbc.poll-interval=" + pollInterval);
	}

	/**
	 * Start one application instance on the store that the given properties share.
	 * @param shared what {@link #shared} returned
	 * @return the instance's default executor
	 */
	static ManagedExecutor instance(List<String> shared) {
		return Executors.managed("thread", 2, List.of(HazelcastMember.class), shared.toArray(String[]::new));
	}

	/**
	 * The application's Hazelcast configuration, which the executor's embedded member
	 * starts from: the loopback configuration in a cluster of the benchmark's own, so
	 * that no member of another application on this machine joins it.
	 */
	static class HazelcastMember {

		@Bean
		@Nullable Config benchmarkHazelcastConfig(@Value("${benchmarks.hazelcast.cluster:}") String cluster) {
			if (cluster.isEmpty()) {
				return null;
			}
			Config config = LoopbackHazelcastConfig.create();
			config.setClusterName(cluster);
			config.setProperty("hazelcast.wait.seconds.before.join", "0");
			config.setProperty("hazelcast.shutdownhook.enabled", "false");
			return config;
		}

	}

}
