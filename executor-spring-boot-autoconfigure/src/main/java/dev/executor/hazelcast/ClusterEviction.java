package dev.executor.hazelcast;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import com.hazelcast.config.IndexType;
import com.hazelcast.map.IMap;
import com.hazelcast.query.PagingPredicate;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import org.jspecify.annotations.Nullable;

/**
 * Evicts finished entries from a map of stored futures, for the whole cluster: those
 * finished longer than the time-to-live ago, then the oldest finished ones while the map
 * holds more than its maximum length. Unfinished entries are never evicted. The entries
 * are found by a query on a sorted index of when they finished, run by the members that
 * hold them, so that no call reads the whole map; each removal happens only if the entry
 * is unchanged and the map still holds more than its maximum length, so that evictions
 * at once, from one member or several, remove no more than the excess.
 */
final class ClusterEviction {

	// the name of the attribute queried, a field of StoredFutureEntry; 0 until finished
	static final String FINISHED_AT = "finishedAt";

	private final int maxLength;

	private final long timeToLiveMillis;

	ClusterEviction(int maxLength, @Nullable Duration timeToLive) {
		this.maxLength = maxLength;
		this.timeToLiveMillis = (timeToLive != null) ? timeToLive.toMillis() : Long.MAX_VALUE;
	}

	/**
	 * Add the index the queries of this eviction use to the given map; adding it again,
	 * from another instance, changes nothing.
	 * @param map the map of stored futures
	 */
	static void index(IMap<String, StoredFutureEntry> map) {
		map.addIndex(IndexType.SORTED, FINISHED_AT);
	}

	void evict(IMap<String, StoredFutureEntry> map) {
		if (this.timeToLiveMillis != Long.MAX_VALUE) {
			long expired = System.currentTimeMillis() - this.timeToLiveMillis;
			map.removeAll(Predicates.between(FINISHED_AT, 1L, expired));
		}
		int excess = map.size() - this.maxLength;
		if (excess > 0) {
			evictOldest(map, excess);
		}
	}

	private void evictOldest(IMap<String, StoredFutureEntry> map, int count) {
		Predicate<String, StoredFutureEntry> finished = Predicates.greaterThan(FINISHED_AT, 0L);
		PagingPredicate<String, StoredFutureEntry> oldest = Predicates.pagingPredicate(finished,
				new OldestFinishedFirst(), count);
		for (Map.Entry<String, StoredFutureEntry> entry : map.entrySet(oldest)) {
			// another eviction, here or on another member, may have removed an older entry
			// since the query: its page then holds the next one, which stays
			if (map.size() <= this.maxLength) {
				return;
			}
			map.remove(entry.getKey(), entry.getValue());
		}
	}

	/**
	 * Orders entries by when they finished; it runs on the members, so it travels.
	 */
	static final class OldestFinishedFirst implements Comparator<Map.Entry<String, StoredFutureEntry>>, Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		@Override
		public int compare(Map.Entry<String, StoredFutureEntry> left, Map.Entry<String, StoredFutureEntry> right) {
			return Long.compare(left.getValue().finishedAt(), right.getValue().finishedAt());
		}

	}

}
