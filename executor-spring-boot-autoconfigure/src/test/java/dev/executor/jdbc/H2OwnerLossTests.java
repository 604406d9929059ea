package dev.executor.jdbc;

import java.sql.SQLException;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests for owner loss on an H2 database that the test JVM serves over TCP, so that the
 * instance in its own JVM shares it.
 */
class H2OwnerLossTests extends AbstractOwnerLossTests {

	private static Server server;

	@BeforeAll
	static void startServer() throws SQLException {
		server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@Override
	TestDatabase database() {
		return new TestDatabase("jdbc:h2:tcp://localhost:" + server.getPort() + "/mem:owner-loss;DB_CLOSE_DELAY=-1");
	}

}
