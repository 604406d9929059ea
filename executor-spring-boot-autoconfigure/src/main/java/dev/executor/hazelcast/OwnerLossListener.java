package dev.executor.hazelcast;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.map.IMap;
import dev.executor.FutureState;

/**
 * Fails the unfinished stored-future entries of an application instance whose member
 * left the cluster, so that no stored future stays pending forever.
 */
final class OwnerLossListener implements MembershipListener {

	private final IMap<String, StoredFutureEntry> map;

	OwnerLossListener(IMap<String, StoredFutureEntry> map) {
		this.map = map;
	}

	@Override
	public void memberAdded(MembershipEvent event) {
	}

	@Override
	public void memberRemoved(MembershipEvent event) {
		String uuid = event.getMember().getUuid().toString();
		for (StoredFutureEntry entry : this.map.values()) {
			if (!entry.isFinished() && entry.ownerUuid().equals(uuid)) {
				IllegalStateException failure = new IllegalStateException("Member " + entry.owner()
						+ ", whose application submitted the task, left the cluster before the task finished");
				this.map.replace(entry.key(), entry,
						entry.finished(FutureState.FAILED, null, failure, System.currentTimeMillis()));
			}
		}
	}

}
