package dev.executor.jdbc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This application instance as the database store knows it: a fresh id per start, so
 * that a restarted instance does not claim the futures of its previous run, and a name
 * that an operator recognises.
 *
 * @param id the id
 * @param name the process id and host, with the start of the id
 */
record StoreInstance(String id, String name) {

	static StoreInstance create() {
		String id = UUID.randomUUID().toString();
		return new StoreInstance(id, ProcessHandle.current().pid() + "@" + hostName() + " (" + id.substring(0, 8)
				+ ")");
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
