package dev.executor.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.hazelcast.map.IMap;
import org.jspecify.annotations.Nullable;

/**
 * Evicts finished entries from a map of stored futures, for the whole cluster: those
 * finished longer than the time-to-live ago, then the oldest finished ones while the map
 * holds more than its maximum length. Unfinished entries are never evicted. Every
 * instance evicts the same entries, each removal only if the entry is unchanged.
 */
final class ClusterEviction {

	private final int maxLength;

	private final long timeToLiveMillis;

	ClusterEviction(int maxLength, @Nullable Duration timeToLive) {
		this.maxLength = maxLength;
		this.timeToLiveMillis = (timeToLive != null) ? timeToLive.toMillis() : Long.MAX_VALUE;
	}

	void evict(IMap<String, StoredFutureEntry> map) {
		// reading every entry goes to every member: without a time-to-live, only a map
		// longer than its maximum can have something to evict
		if (this.timeToLiveMillis == Long.MAX_VALUE && map.size() <= this.maxLength) {
			return;
		}
		long now = System.currentTimeMillis();
		List<StoredFutureEntry> finished = new ArrayList<>();
		int size = 0;
		for (StoredFutureEntry entry : map.values()) {
			size++;
			if (!entry.isFinished()) {
				continue;
			}
			if (now - entry.finishedAt() >= this.timeToLiveMillis) {
				map.remove(entry.key(), entry);
				size--;
			}
			else {
				finished.add(entry);
			}
		}
		finished.sort(Comparator.comparingLong(StoredFutureEntry::finishedAt));
		for (int i = 0; size > this.maxLength && i < finished.size(); i++, size--) {
			map.remove(finished.get(i).key(), finished.get(i));
		}
	}

}
