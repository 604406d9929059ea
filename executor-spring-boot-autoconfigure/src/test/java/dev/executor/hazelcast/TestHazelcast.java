package dev.executor.hazelcast;

import java.util.List;
import java.util.UUID;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.executor.ExecutorSpec;
import dev.executor.ManagedExecutor;
import dev.executor.autoconfigure.ExecutorProperties;
import dev.executor.autoconfigure.ExecutorSpecResolver;
import dev.executor.core.ExecutorBackends;
import dev.executor.core.ManagedExecutorFactory;
import dev.executor.core.TaskFailureReporter;
import dev.executor.process.TestProcessExecutors;
import dev.executor.spi.ExecutorBackend;
import dev.executor.thread.ThreadPoolBackend;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Starts members of test clusters on loopback, with short failure detection, and
 * creates hazelcast executors on them as the auto-configuration does.
 */
final class TestHazelcast {

	private TestHazelcast() {
	}

	/**
	 * Return a cluster name no other test uses.
	 * @return the cluster name
	 */
	static String newClusterName() {
		return "executor-test-" + UUID.randomUUID();
	}

	/**
	 * Return the configuration of a test member: the embedded loopback configuration in
	 * its own cluster, detecting a lost member within seconds.
	 * @param clusterName the cluster
	 * @param instanceName the name of the member
	 * @return the configuration
	 */
	static Config config(String clusterName, String instanceName) {
		Config config = LoopbackHazelcastConfig.create();
		config.setClusterName(clusterName);
		config.setInstanceName(instanceName + "-" + clusterName);
		config.setProperty("hazelcast.wait.seconds.before.join", "0");
		config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
		config.setProperty("hazelcast.max.no.heartbeat.seconds", "4");
		config.setProperty("hazelcast.graceful.shutdown.max.wait", "5");
		config.setProperty("hazelcast.shutdownhook.enabled", "false");
		return config;
	}

	static HazelcastInstance start(String clusterName, String instanceName) {
		return Hazelcast.newHazelcastInstance(config(clusterName, instanceName));
	}

	/**
	 * Create the default executor with {@code executor.type=hazelcast} on the given
	 * instance and the given properties.
	 * @param instance the instance
	 * @param properties properties in {@code key=value} form
	 * @return the executor, to be closed by the caller
	 */
	static ManagedExecutor executor(HazelcastInstance instance, String... properties) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		source.put("executor.type", "hazelcast");
		for (String property : properties) {
			int equals = property.indexOf('=');
			source.put(property.substring(0, equals), property.substring(equals + 1));
		}
		ExecutorProperties executorProperties = new Binder(source).bindOrCreate("executor", ExecutorProperties.class);
		HazelcastBackend backend = new HazelcastBackend(() -> instance, null);
		ExecutorBackends backends = new ExecutorBackends(List.<ExecutorBackend>of(backend, new ThreadPoolBackend()));
		ExecutorSpec spec = new ExecutorSpecResolver(executorProperties, backends).resolve(ManagedExecutor.DEFAULT_NAME);
		ManagedExecutorFactory factory = new ManagedExecutorFactory(backends,
				TestProcessExecutors.contextPropagation(), new TaskFailureReporter(List.of(), (event) -> {
				}), List.of(), List.of(), backend::storedFutures);
		return factory.create(spec);
	}

	/**
	 * Return the name of the member that runs the current task.
	 * @return the instance name
	 */
	static String currentMember() {
		return HazelcastTasks.currentInstance().orElseThrow().getName();
	}

}
