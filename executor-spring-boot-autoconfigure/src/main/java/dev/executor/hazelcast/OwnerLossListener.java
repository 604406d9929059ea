package dev.executor.hazelcast;

import java.util.function.Consumer;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.map.IMap;
import dev.executor.FutureState;

/**
 * Fails the unfinished stored-future entries of an application instance whose member
 * left the cluster, and this instance's views of its futures, so that no stored future
 * stays pending forever.
 */
final class OwnerLossListener implements MembershipListener {

	private final IMap<String, StoredFutureEntry> map;

	private final Consumer<String> localViews;

	OwnerLossListener(IMap<String, StoredFutureEntry> map, Consumer<String> localViews) {
		this.map = map;
		this.localViews = localViews;
	}

	/**
	 * Return the failed end of an entry whose owner left before its task finished.
	 * @param entry the unfinished entry
	 * @return the failed entry
	 */
	static StoredFutureEntry ownerLost(StoredFutureEntry entry) {
		IllegalStateException failure = new IllegalStateException("Member " + entry.owner()
				+ ", whose application submitted the task, left the cluster before the task finished");
		return entry.finished(FutureState.FAILED, null, failure, System.currentTimeMillis());
	}

	@Override
	public void memberAdded(MembershipEvent event) {
	}

	@Override
	public void memberRemoved(MembershipEvent event) {
		String uuid = event.getMember().getUuid().toString();
		for (StoredFutureEntry entry : this.map.values()) {
			if (!entry.isFinished() && entry.ownerUuid().equals(uuid)) {
				this.map.replace(entry.key(), entry, ownerLost(entry));
			}
		}
		// futures popped while running have no entry left: their views here end too
		this.localViews.accept(uuid);
	}

}
