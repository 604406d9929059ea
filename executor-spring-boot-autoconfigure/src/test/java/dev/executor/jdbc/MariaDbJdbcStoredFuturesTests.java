package dev.executor.jdbc;

import org.junit.jupiter.api.BeforeAll;

/**
 * Tests for stored futures kept in a MariaDB database, the one named by
 * {@code TEST_MARIADB_URL}; the MySQL script is the same but for its name.
 */
class MariaDbJdbcStoredFuturesTests extends AbstractJdbcStoredFuturesTests {

	@BeforeAll
	static void requireMariaDb() {
		TestDatabase.mariadb();
	}

	@Override
	TestDatabase database() {
		return TestDatabase.mariadb();
	}

}
