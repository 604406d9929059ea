package dev.executor.jdbc;

import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for stored futures kept in a PostgreSQL database, the one named by
 * {@code TEST_POSTGRESQL_URL}.
 */
class PostgreSqlJdbcStoredFuturesTests extends AbstractJdbcStoredFuturesTests {

	@BeforeAll
	static void requirePostgreSql() {
		assumeTrue(TestDatabase.postgresql() != null, "Set " + TestDatabase.POSTGRESQL_URL + " to a PostgreSQL "
				+ "JDBC URL, such as jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres, as .ci/run does");
	}

	@Override
	TestDatabase database() {
		TestDatabase database = TestDatabase.postgresql();
		assumeTrue(database != null);
		return database;
	}

}
