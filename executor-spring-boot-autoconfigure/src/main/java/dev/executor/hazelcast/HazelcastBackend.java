package dev.executor.hazelcast;

import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.executor.ExecutorSpec;
import dev.executor.StoredFutures;
import dev.executor.remote.Serialization;
import dev.executor.spi.ExecutorBackend;
import dev.executor.spi.StoredFuturesFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.util.StringUtils;

/**
 * The {@code hazelcast} executor type: a {@link HazelcastPool} that runs tasks on the
 * members of a Hazelcast cluster. It uses the application's {@link HazelcastInstance}
 * when there is one. Otherwise it starts an embedded member, which it shuts down when it
 * is destroyed: from the application's {@link Config} when there is one, and bound to
 * loopback (see {@link LoopbackHazelcastConfig}) when there is none.
 */
public class HazelcastBackend implements ExecutorBackend, ApplicationContextAware, DisposableBean {

	/**
	 * The name of this type.
	 */
	public static final String NAME = "hazelcast";

	private static final Log logger = LogFactory.getLog(HazelcastBackend.class);

	private final Supplier<@Nullable HazelcastInstance> applicationInstance;

	private final Supplier<@Nullable Config> applicationConfig;

	private final ClassLoader classLoader;

	private @Nullable HazelcastInstance instance;

	private boolean embedded;

	private @Nullable ApplicationContext applicationContext;

	/**
	 * Create a new backend that starts a loopback member when the application has no
	 * instance.
	 * @param applicationInstance supplies the application's instance, or {@code null}
	 * when it has none
	 * @param classLoader the class loader of results and exceptions coming back from
	 * members, {@code null} for the default one
	 */
	public HazelcastBackend(Supplier<@Nullable HazelcastInstance> applicationInstance,
			@Nullable ClassLoader classLoader) {
		this(applicationInstance, () -> null, classLoader);
	}

	/**
	 * Create a new backend.
	 * @param applicationInstance supplies the application's instance, or {@code null}
	 * when it has none
	 * @param applicationConfig supplies the configuration of the member to start when the
	 * application has no instance, or {@code null} for a loopback member
	 * @param classLoader the class loader of results and exceptions coming back from
	 * members, {@code null} for the default one
	 */
	public HazelcastBackend(Supplier<@Nullable HazelcastInstance> applicationInstance,
			Supplier<@Nullable Config> applicationConfig, @Nullable ClassLoader classLoader) {
		this.applicationInstance = applicationInstance;
		this.applicationConfig = applicationConfig;
		this.classLoader = (classLoader != null) ? classLoader : Serialization.defaultClassLoader();
	}

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Set the application context that {@link dev.executor.Job @Job} calls reaching this
	 * instance's member run in.
	 */
	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public ExecutorService create(ExecutorSpec spec) {
		return new HazelcastPool(spec, instance(), this.classLoader);
	}

	/**
	 * Create the stored futures of an executor: in the cluster when its
	 * {@code futures.store} is {@code hazelcast}, otherwise in memory.
	 * @param spec the executor's settings
	 * @return the store
	 */
	public StoredFutures storedFutures(ExecutorSpec spec) {
		if (!spec.hazelcast().storeFutures()) {
			return StoredFuturesFactory.LOCAL.create(spec);
		}
		return new HazelcastStoredFutures(spec.name(), spec.futuresMaxLength(), spec.futuresTimeToLive(), instance(),
				this.classLoader);
	}

	/**
	 * Return the instance whose cluster runs the tasks, starting the embedded member if
	 * the application has no instance.
	 * @return the instance
	 */
	public synchronized HazelcastInstance instance() {
		if (this.instance == null) {
			HazelcastInstance application = this.applicationInstance.get();
			this.embedded = (application == null);
			this.instance = (application != null) ? application : startEmbeddedMember();
			if (this.applicationContext != null) {
				HazelcastTasks.register(this.instance, this.applicationContext);
			}
		}
		return this.instance;
	}

	private HazelcastInstance startEmbeddedMember() {
		Config config = this.applicationConfig.get();
		if (config == null) {
			logger.info("Starting an embedded Hazelcast member on 127.0.0.1 for hazelcast executors");
			return Hazelcast.newHazelcastInstance(LoopbackHazelcastConfig.create());
		}
		logger.info("Starting an embedded Hazelcast member of cluster '" + config.getClusterName()
				+ "' from the application's Config for hazelcast executors");
		// as Spring Boot does with a Config bean: a named member may already run in
		// this JVM
		return StringUtils.hasText(config.getInstanceName()) ? Hazelcast.getOrCreateHazelcastInstance(config)
				: Hazelcast.newHazelcastInstance(config);
	}

	/**
	 * Shut the embedded member down, if this backend started one.
	 */
	@Override
	public synchronized void destroy() {
		if (this.embedded && this.instance != null) {
			this.instance.shutdown();
		}
	}

	@Override
	public String toString() {
		return "built-in executor type '" + NAME + "'";
	}

}
