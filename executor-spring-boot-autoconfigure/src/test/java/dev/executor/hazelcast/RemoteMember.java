package dev.executor.hazelcast;

import java.io.IOException;

import com.hazelcast.core.HazelcastInstance;

/**
 * A cluster member in a JVM of its own, for tests that kill a member the way a crash
 * would. Prints {@code ready} once it has joined and stays until its input closes.
 */
public final class RemoteMember {

	private RemoteMember() {
	}

	public static void main(String[] args) throws IOException {
		HazelcastInstance member = TestHazelcast.start(args[0], "remote");
		System.out.println("ready " + member.getCluster().getLocalMember().getUuid());
		System.out.flush();
		while (System.in.read() != -1) {
			// wait for the test to end this JVM
		}
		member.getLifecycleService().terminate();
	}

}
