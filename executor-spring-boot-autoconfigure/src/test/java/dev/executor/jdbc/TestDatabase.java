package dev.executor.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.executor.autoconfigure.ExecutorAutoConfiguration;
import dev.executor.autoconfigure.ExecutorJdbcStoreAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

	/**
	 * Return the PostgreSQL database named by {@code TEST_POSTGRESQL_URL}, or skip the
	 * test, saying how to provide one.
	 * @return the database
	 */
	static TestDatabase postgresql() {
		return fromEnvironment(POSTGRESQL_URL, "PostgreSQL",
				"jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
	}

	/**
	 * Return the MariaDB database named by {@code TEST_MARIADB_URL}, or skip the test,
	 * saying how to provide one.
	 * @return the database
	 */
	static TestDatabase mariadb() {
		return fromEnvironment(MARIADB_URL, "MariaDB",
				"jdbc:mariadb://127.0.0.1:3306/executor?user=executor&password=executor");
	}

	private static TestDatabase fromEnvironment(String variable, String database, String example) {
		String url = System.getenv(variable);
		assumeTrue(url != null && !url.isBlank(),
				"Set " + variable + " to a " + database + " JDBC URL, such as " + example + ", as .ci/run does");
		return new TestDatabase(url);
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
