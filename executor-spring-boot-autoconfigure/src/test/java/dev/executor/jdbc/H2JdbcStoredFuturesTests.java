package dev.executor.jdbc;

/**
 * Tests for stored futures kept in an embedded H2 database.
 */
class H2JdbcStoredFuturesTests extends AbstractJdbcStoredFuturesTests {

	@Override
	TestDatabase database() {
		return TestDatabase.h2();
	}

}
