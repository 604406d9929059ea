package dev.executor.jdbc;

import org.junit.jupiter.api.BeforeAll;

/**
 * Tests for owner loss on the MariaDB database named by {@code TEST_MARIADB_URL}.
 */
class MariaDbOwnerLossTests extends AbstractOwnerLossTests {

	@BeforeAll
	static void requireMariaDb() {
		TestDatabase.mariadb();
	}

	@Override
	TestDatabase database() {
		return TestDatabase.mariadb();
	}

}
