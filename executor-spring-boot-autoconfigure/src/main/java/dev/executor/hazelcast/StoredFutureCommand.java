package dev.executor.hazelcast;

import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Sent to the member that owns a stored future, to read the state of its live future or
 * to cancel it.
 */
final class StoredFutureCommand implements Callable<@Nullable Object>, Serializable, HazelcastInstanceAware {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final Log logger = LogFactory.getLog(StoredFutureCommand.class);

	private static final String EXECUTOR = "executor.futures";

	private static final long TIMEOUT_SECONDS = 10;

	private final String executorName;

	private final String key;

	private final boolean cancel;

	private transient @Nullable HazelcastInstance instance;

	private StoredFutureCommand(String executorName, String key, boolean cancel) {
		this.executorName = executorName;
		this.key = key;
		this.cancel = cancel;
	}

	static StoredFutureCommand state(String executorName, String key) {
		return new StoredFutureCommand(executorName, key, false);
	}

	static StoredFutureCommand cancel(String executorName, String key) {
		return new StoredFutureCommand(executorName, key, true);
	}

	/**
	 * Send this command to the member that owns an entry and wait for its answer.
	 * @param instance the local instance
	 * @param entry the entry
	 * @return the answer, or {@code null} when the owner is gone or does not answer
	 */
	@Nullable Object sendToOwner(HazelcastInstance instance, StoredFutureEntry entry) {
		Member owner = instance.getCluster()
			.getMembers()
			.stream()
			.filter((member) -> member.getUuid().toString().equals(entry.ownerUuid()))
			.findFirst()
			.orElse(null);
		if (owner == null) {
			return null;
		}
		try {
			return instance.getExecutorService(EXECUTOR).submitToMember(this, owner).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (Exception ex) {
			logger.debug("Member " + entry.owner() + " did not answer about stored future '" + entry.key() + "'", ex);
			return null;
		}
	}

	@Override
	public void setHazelcastInstance(HazelcastInstance instance) {
		this.instance = instance;
	}

	@Override
	public @Nullable Object call() {
		HazelcastStoredFutures store = (this.instance != null)
				? HazelcastStoredFutures.registered(this.instance, this.executorName) : null;
		if (store == null) {
			return this.cancel ? Boolean.FALSE : null;
		}
		return this.cancel ? store.cancelLocal(this.key) : store.localState(this.key);
	}

}
