package dev.executor.jdbc;

import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for stored futures kept in a MariaDB database, the one named by
 * {@code TEST_MARIADB_URL}; the MySQL script is the same but for its name.
 */
class MariaDbJdbcStoredFuturesTests extends AbstractJdbcStoredFuturesTests {

	@BeforeAll
	static void requireMariaDb() {
		assumeTrue(TestDatabase.mariadb() != null,
				"Set " + TestDatabase.MARIADB_URL + " to a MariaDB JDBC URL, such as "
						+ "jdbc:mariadb://127.0.0.1:3306/executor?user=executor&password=executor, as .ci/run does");
	}

	@Override
	TestDatabase database() {
		TestDatabase database = TestDatabase.mariadb();
		assumeTrue(database != null);
		return database;
	}

}
