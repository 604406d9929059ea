package dev.executor.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import dev.executor.autoconfigure.ExecutorJdbcStoreAutoConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A database that application instances of a test share: an H2 database in memory, the
 * PostgreSQL database named by {@code TEST_POSTGRESQL_URL} or the MariaDB one named by
 * {@code TEST_MARIADB_URL}. Each test gets tables of
 * its own, so that tests never see each other's futures.
 *
 * @param url the JDBC URL
 */
record TestDatabase(String url) {

	static final String POSTGRESQL_URL = "TEST_POSTGRESQL_URL";

	static final String MARIADB_URL = "TEST_MARIADB_URL";

	static TestDatabase h2() {
		return new TestDatabase("jdbc:h2:mem:executor-futures;DB_CLOSE_DELAY=-1");
	}

	static @Nullable TestDatabase postgresql() {
		return fromEnvironment(POSTGRESQL_URL);
	}

	static @Nullable TestDatabase mariadb() {
		return fromEnvironment(MARIADB_URL);
	}

	private static @Nullable TestDatabase fromEnvironment(String variable) {
		String url = System.getenv(variable);
		return (url != null && !url.isBlank()) ? new TestDatabase(url) : null;
	}

	static String newTableName() {
		return "EF_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
	}

	/**
	 * Return a runner of application instances whose default executor keeps its stored
	 * futures in the given table of this database, with short intervals.
	 * @param tableName the table
	 * @param properties more properties
	 * @return the runner; each run is one application instance
	 */
	ApplicationContextRunner instances(String tableName, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + this.url,
				"executor.futures.store=jdbc", "executor.futures.jdbc.initialize-schema=always",
				"executor.futures.jdbc.table-name=" + tableName, "executor.futures.jdbc.poll-interval=50ms",
				"executor.futures.jdbc.heartbeat-interval=200ms", "executor.futures.jdbc.owner-timeout=2s",
				"executor.max-workers=8", "executor.shutdown.await-termination=false"));
		all.addAll(Arrays.asList(properties));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					ExecutorJdbcStoreAutoConfiguration.class, ExecutorAutoConfiguration.class))
			.withPropertyValues(all.toArray(String[]::new));
	}

}
