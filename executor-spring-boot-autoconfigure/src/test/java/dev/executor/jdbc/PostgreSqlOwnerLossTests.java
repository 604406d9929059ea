package dev.executor.jdbc;

import org.junit.jupiter.api.BeforeAll;

/**
 * Tests for owner loss on the PostgreSQL database named by {@code TEST_POSTGRESQL_URL}.
 */
class PostgreSqlOwnerLossTests extends AbstractOwnerLossTests {

	@BeforeAll
	static void requirePostgreSql() {
		TestDatabase.postgresql();
	}

	@Override
	TestDatabase database() {
		return TestDatabase.postgresql();
	}

}
