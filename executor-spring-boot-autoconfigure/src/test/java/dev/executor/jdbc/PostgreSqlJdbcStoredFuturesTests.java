package dev.executor.jdbc;

import org.junit.jupiter.api.BeforeAll;

/**
 * Tests for stored futures kept in a PostgreSQL database, the one named by
 * {@code TEST_POSTGRESQL_URL}.
 */
class PostgreSqlJdbcStoredFuturesTests extends AbstractJdbcStoredFuturesTests {

	@BeforeAll
	static void requirePostgreSql() {
		TestDatabase.postgresql();
	}

	@Override
	TestDatabase database() {
		return TestDatabase.postgresql();
	}

}
