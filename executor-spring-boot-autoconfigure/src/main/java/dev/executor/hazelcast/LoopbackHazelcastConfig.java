package dev.executor.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * The configuration of the embedded member started for {@code hazelcast} executors when
 * the application has no {@code HazelcastInstance} of its own: cluster
 * {@value #CLUSTER_NAME}, bound to 127.0.0.1 only, joining by TCP/IP the members on
 * 127.0.0.1 (ports from 5701), with multicast, auto-detection and phone-home disabled.
 * Instances of the application on one machine form a cluster; nothing is reachable from,
 * or sent to, another address.
 */
public final class LoopbackHazelcastConfig {

	/**
	 * The name of the cluster of embedded members.
	 */
	public static final String CLUSTER_NAME = "executor";

	private static final String LOOPBACK = "127.0.0.1";

	private LoopbackHazelcastConfig() {
	}

	/**
	 * Create the configuration of an embedded member.
	 * @return the configuration
	 */
	public static Config create() {
		Config config = new Config();
		config.setClusterName(CLUSTER_NAME);
		config.setProperty("hazelcast.logging.type", "slf4j");
		config.setProperty("hazelcast.phone.home.enabled", "false");
		config.setProperty("hazelcast.local.localAddress", LOOPBACK);
		config.setProperty("hazelcast.socket.bind.any", "false");
		NetworkConfig network = config.getNetworkConfig();
		network.setPort(5701).setPortAutoIncrement(true);
		network.getInterfaces().setEnabled(true).addInterface(LOOPBACK);
		JoinConfig join = network.getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(true).addMember(LOOPBACK);
		return config;
	}

}
