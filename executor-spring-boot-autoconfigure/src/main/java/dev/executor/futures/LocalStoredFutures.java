package dev.executor.futures;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import dev.executor.DuplicateFutureKeyException;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.StoredFutures;
import org.jspecify.annotations.Nullable;

/**
 * {@link StoredFutures} held in memory. Finished futures are kept in the order they
 * finished, so that evicting the oldest one, by length or by age, is O(1); pending and
 * running futures are never evicted. No lock is held while a task runs.
 */
public class LocalStoredFutures implements StoredFutures {

	private final String executorName;

	private final int maxLength;

	private final long timeToLiveNanos;

	private final LongSupplier nanoClock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	private @Nullable Entry oldestFinished;

	private @Nullable Entry newestFinished;

	/**
	 * Create a new store.
	 * @param executorName the name of the executor that owns the store
	 * @param maxLength the number of futures kept before finished ones are evicted
	 * @param timeToLive the time a finished future is kept, {@code null} for no limit
	 */
	public LocalStoredFutures(String executorName, int maxLength, @Nullable Duration timeToLive) {
		this(executorName, maxLength, timeToLive, System::nanoTime);
	}

	LocalStoredFutures(String executorName, int maxLength, @Nullable Duration timeToLive, LongSupplier nanoClock) {
		this.executorName = executorName;
		this.maxLength = maxLength;
		this.timeToLiveNanos = (timeToLive != null) ? timeToLive.toNanos() : Long.MAX_VALUE;
		this.nanoClock = nanoClock;
	}

	@Override
	public void add(String key, FutureProxy<?> future) {
		Entry entry = new Entry(key, future);
		this.lock.lock();
		try {
			evictExpired();
			if (this.entries.containsKey(key)) {
				throw new DuplicateFutureKeyException(this.executorName, key);
			}
			future.bindKey(key);
			this.entries.put(key, entry);
			evictOverflow();
		}
		finally {
			this.lock.unlock();
		}
		future.whenComplete((result, ex) -> finished(entry));
	}

	private void finished(Entry entry) {
		this.lock.lock();
		try {
			if (!entry.removed) {
				entry.finishedAt = this.nanoClock.getAsLong();
				appendFinished(entry);
				evictExpired();
				evictOverflow();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends @Nullable Object> Optional<FutureProxy<T>> get(String key) {
		Entry entry = find(key, false);
		return (entry != null) ? Optional.of((FutureProxy<T>) entry.future) : Optional.empty();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends @Nullable Object> Optional<FutureProxy<T>> pop(String key) {
		Entry entry = find(key, true);
		return (entry != null) ? Optional.of((FutureProxy<T>) entry.future) : Optional.empty();
	}

	private @Nullable Entry find(String key, boolean remove) {
		this.lock.lock();
		try {
			evictExpired();
			Entry entry = this.entries.get(key);
			if (entry != null && remove) {
				remove(entry);
			}
			return entry;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean contains(String key) {
		return find(key, false) != null;
	}

	@Override
	public boolean done(String key) {
		return get(key).map(FutureProxy::isDone).orElse(false);
	}

	@Override
	public boolean running(String key) {
		return state(key).filter(FutureState.RUNNING::equals).isPresent();
	}

	@Override
	public Optional<FutureState> state(String key) {
		return get(key).map(FutureProxy::state);
	}

	@Override
	public boolean cancel(String key) {
		// CompletableFuture.cancel also answers true for a future that was cancelled before
		return get(key).filter((future) -> !future.isDone()).map((future) -> future.cancel(true)).orElse(false);
	}

	@Override
	public Set<String> keys() {
		this.lock.lock();
		try {
			evictExpired();
			return Collections.unmodifiableSet(new LinkedHashSet<>(this.entries.keySet()));
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int size() {
		this.lock.lock();
		try {
			evictExpired();
			return this.entries.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int maxLength() {
		return this.maxLength;
	}

	private void evictExpired() {
		if (this.timeToLiveNanos == Long.MAX_VALUE) {
			return;
		}
		long now = this.nanoClock.getAsLong();
		while (this.oldestFinished != null && now - this.oldestFinished.finishedAt >= this.timeToLiveNanos) {
			remove(this.oldestFinished);
		}
	}

	private void evictOverflow() {
		while (this.entries.size() > this.maxLength && this.oldestFinished != null) {
			remove(this.oldestFinished);
		}
	}

	private void remove(Entry entry) {
		this.entries.remove(entry.key);
		entry.removed = true;
		if (entry.finished) {
			unlinkFinished(entry);
		}
	}

	private void appendFinished(Entry entry) {
		entry.finished = true;
		entry.older = this.newestFinished;
		if (this.newestFinished != null) {
			this.newestFinished.newer = entry;
		}
		else {
			this.oldestFinished = entry;
		}
		this.newestFinished = entry;
	}

	private void unlinkFinished(Entry entry) {
		if (entry.older != null) {
			entry.older.newer = entry.newer;
		}
		else {
			this.oldestFinished = entry.newer;
		}
		if (entry.newer != null) {
			entry.newer.older = entry.older;
		}
		else {
			this.newestFinished = entry.older;
		}
		entry.older = null;
		entry.newer = null;
		entry.finished = false;
	}

	private static final class Entry {

		private final String key;

		private final FutureProxy<?> future;

		private boolean removed;

		private boolean finished;

		private long finishedAt;

		private @Nullable Entry older;

		private @Nullable Entry newer;

		Entry(String key, FutureProxy<?> future) {
			this.key = key;
			this.future = future;
		}

	}

}
