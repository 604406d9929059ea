package dev.executor.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.executor.DuplicateFutureKeyException;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.StoredFutures;
import dev.executor.remote.Serialization;
import org.jspecify.annotations.Nullable;

/**
 * {@link StoredFutures} kept in the Hazelcast cluster ({@code futures.store=hazelcast}):
 * an {@code IMap} named {@code executor.futures.<executor>} maps each key to a
 * {@link StoredFutureEntry}, so that keys, states, results and exceptions are visible,
 * and cancellation works, from every application instance. The instance that submitted a
 * task owns its entry and records the outcome; the others see a
 * {@link RemoteStoredFuture}. Eviction by {@code max-length} and {@code time-to-live}
 * applies to the whole map and only to finished futures. Entries of an owner that leaves
 * the cluster before its task finished are failed by the remaining members.
 */
public class HazelcastStoredFutures implements StoredFutures, AutoCloseable {

	private static final String CONTEXT_PREFIX = "dev.executor.futures.";


	private static final long POPPED_OUTCOME_MINUTES = 10;

	private final String executorName;

	private final int maxLength;

	private final ClusterEviction eviction;

	private final HazelcastInstance instance;

	private final IMap<String, StoredFutureEntry> map;

	private final IMap<Long, StoredFutureEntry> poppedOutcomes;

	private final FlakeIdGenerator ids;

	private final Serialization serialization;

	private final Executor defaultExecutor = ForkJoinPool.commonPool();

	private final Map<String, FutureProxy<?>> owned = new ConcurrentHashMap<>();

	private final Map<Long, List<RemoteStoredFuture<?>>> views = new ConcurrentHashMap<>();

	private final Map<Long, StoredFutureEntry> viewed = new ConcurrentHashMap<>();

	private final List<Runnable> registrations = new ArrayList<>();

	/**
	 * Create a store and register it with the instance, so that other members can reach
	 * the futures it owns.
	 * @param executorName the name of the executor that owns the store
	 * @param maxLength the number of futures kept before finished ones are evicted
	 * @param timeToLive the time a finished future is kept, {@code null} for no limit
	 * @param instance the instance of the cluster that keeps the futures
	 * @param classLoader the class loader of results and exceptions
	 */
	public HazelcastStoredFutures(String executorName, int maxLength, @Nullable Duration timeToLive,
			HazelcastInstance instance, ClassLoader classLoader) {
		this.executorName = executorName;
		this.maxLength = maxLength;
		this.eviction = new ClusterEviction(maxLength, timeToLive);
		this.instance = instance;
		this.map = instance.getMap(CONTEXT_PREFIX.substring("dev.".length()) + executorName);
		ClusterEviction.index(this.map);
		this.poppedOutcomes = instance.getMap(this.map.getName() + ".popped");
		this.ids = instance.getFlakeIdGenerator(CONTEXT_PREFIX + executorName);
		this.serialization = new Serialization(classLoader);
		UUID changes = this.map.addEntryListener(new EntryChanges(), true);
		UUID popped = this.poppedOutcomes
			.addEntryListener(
					(EntryAddedListener<Long, StoredFutureEntry>) (event) -> completeViews(event.getValue()), true);
		UUID membership = instance.getCluster().addMembershipListener(new OwnerLossListener(this.map,
				this::endViewsOwnedBy));
		instance.getUserContext().put(CONTEXT_PREFIX + executorName, this);
		this.registrations.add(() -> this.map.removeEntryListener(changes));
		this.registrations.add(() -> this.poppedOutcomes.removeEntryListener(popped));
		this.registrations.add(() -> instance.getCluster().removeMembershipListener(membership));
		this.registrations.add(() -> instance.getUserContext().remove(CONTEXT_PREFIX + executorName, this));
	}

	/**
	 * Stop listening to the cluster, when the executor has closed. The entries stay, so
	 * that other instances can still read the outcomes.
	 */
	@Override
	public void close() {
		if (this.instance.getLifecycleService().isRunning()) {
			this.registrations.forEach(Runnable::run);
		}
	}

	static @Nullable HazelcastStoredFutures registered(HazelcastInstance instance, String executorName) {
		return (HazelcastStoredFutures) instance.getUserContext().get(CONTEXT_PREFIX + executorName);
	}

	String executorName() {
		return this.executorName;
	}

	@Override
	public void add(String key, FutureProxy<?> future) {
		evict();
		Member local = this.instance.getCluster().getLocalMember();
		StoredFutureEntry entry = StoredFutureEntry.pending(key, this.ids.newId(), local.getUuid().toString(),
				HazelcastPool.describe(local), System.currentTimeMillis());
		if (this.map.putIfAbsent(key, entry) != null) {
			throw new DuplicateFutureKeyException(this.executorName, key);
		}
		future.bindKey(key);
		this.owned.put(key, future);
		future.whenComplete((result, failure) -> finished(entry, future, result, failure));
	}

	private void finished(StoredFutureEntry entry, FutureProxy<?> future, @Nullable Object result,
			@Nullable Throwable failure) {
		Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
		StoredFutureEntry outcome = entry.finished(future.state(), result, future.isCancelled() ? null : cause,
				System.currentTimeMillis());
		StoredFutureEntry current = this.map.get(entry.key());
		if (current == null || current.id() != entry.id() || !this.map.replace(entry.key(), current, outcome)) {
			// popped while unfinished: views elsewhere still wait for the outcome
			this.poppedOutcomes.put(entry.id(), outcome, POPPED_OUTCOME_MINUTES, TimeUnit.MINUTES);
			this.owned.remove(entry.key(), future);
		}
		evict();
	}

	@Override
	public <T extends @Nullable Object> Optional<FutureProxy<T>> get(String key) {
		evict();
		StoredFutureEntry entry = this.map.get(key);
		return (entry != null) ? Optional.of(future(entry)) : Optional.empty();
	}

	@Override
	public <T extends @Nullable Object> Optional<FutureProxy<T>> pop(String key) {
		evict();
		StoredFutureEntry entry = this.map.remove(key);
		if (entry == null) {
			return Optional.empty();
		}
		FutureProxy<T> future = future(entry);
		this.owned.remove(key, future);
		return Optional.of(future);
	}

	@SuppressWarnings("unchecked")
	private <T extends @Nullable Object> FutureProxy<T> future(StoredFutureEntry entry) {
		FutureProxy<?> owned = this.owned.get(entry.key());
		if (owned != null && isOwnedHere(entry)) {
			return (FutureProxy<T>) owned;
		}
		RemoteStoredFuture<T> view = new RemoteStoredFuture<>(this, entry.key(), this.defaultExecutor);
		if (entry.isFinished()) {
			complete(view, entry);
			return view;
		}
		this.viewed.put(entry.id(), entry);
		this.views.computeIfAbsent(entry.id(), (id) -> new CopyOnWriteArrayList<>()).add(view);
		StoredFutureEntry latest = latest(entry);
		if (latest != null && latest.isFinished()) {
			completeViews(latest);
		}
		return view;
	}

	private @Nullable StoredFutureEntry latest(StoredFutureEntry entry) {
		StoredFutureEntry latest = this.map.get(entry.key());
		return (latest != null && latest.id() == entry.id()) ? latest : this.poppedOutcomes.get(entry.id());
	}

	private void endViewsOwnedBy(String ownerUuid) {
		for (StoredFutureEntry entry : this.viewed.values()) {
			if (entry.ownerUuid().equals(ownerUuid)) {
				StoredFutureEntry latest = latest(entry);
				completeViews((latest != null && latest.isFinished()) ? latest : OwnerLossListener.ownerLost(entry));
			}
		}
	}

	private boolean isOwnedHere(StoredFutureEntry entry) {
		return entry.ownerUuid().equals(this.instance.getCluster().getLocalMember().getUuid().toString());
	}

	private void completeViews(StoredFutureEntry entry) {
		this.viewed.remove(entry.id());
		List<RemoteStoredFuture<?>> waiting = this.views.remove(entry.id());
		if (waiting != null) {
			waiting.forEach((view) -> complete(view, entry));
		}
	}

	private void complete(RemoteStoredFuture<?> view, StoredFutureEntry entry) {
		new StoredOutcome(entry, this.executorName).completeFuture(view, this.serialization);
	}

	@Override
	public boolean contains(String key) {
		evict();
		return this.map.containsKey(key);
	}

	@Override
	public boolean done(String key) {
		return state(key).filter((state) -> state != FutureState.PENDING && state != FutureState.RUNNING).isPresent();
	}

	@Override
	public boolean running(String key) {
		return state(key).filter(FutureState.RUNNING::equals).isPresent();
	}

	@Override
	public Optional<FutureState> state(String key) {
		evict();
		StoredFutureEntry entry = this.map.get(key);
		if (entry == null) {
			return Optional.empty();
		}
		if (entry.isFinished()) {
			return Optional.of(entry.state());
		}
		if (isOwnedHere(entry)) {
			FutureState state = localState(key);
			return Optional.of((state != null) ? state : entry.state());
		}
		Object state = StoredFutureCommand.state(this.executorName, key).sendToOwner(this.instance, entry);
		return Optional.of((state instanceof FutureState remote) ? remote : entry.state());
	}

	@Override
	public boolean cancel(String key) {
		return get(key).map((future) -> future.cancel(true)).orElse(false);
	}

	boolean cancelRemote(String key) {
		StoredFutureEntry entry = this.map.get(key);
		if (entry == null || entry.isFinished()) {
			return false;
		}
		return Boolean.TRUE.equals(StoredFutureCommand.cancel(this.executorName, key).sendToOwner(this.instance,
				entry));
	}

	@Nullable FutureState localState(String key) {
		FutureProxy<?> future = this.owned.get(key);
		return (future != null) ? future.state() : null;
	}

	boolean cancelLocal(String key) {
		FutureProxy<?> future = this.owned.get(key);
		return future != null && future.cancel(true);
	}

	@Override
	public Set<String> keys() {
		evict();
		List<StoredFutureEntry> entries = new ArrayList<>(this.map.values());
		entries.sort(Comparator.comparingLong(StoredFutureEntry::submittedAt).thenComparingLong(StoredFutureEntry::id));
		Set<String> keys = new LinkedHashSet<>();
		entries.forEach((entry) -> keys.add(entry.key()));
		return Collections.unmodifiableSet(keys);
	}

	@Override
	public int size() {
		evict();
		return this.map.size();
	}

	@Override
	public int maxLength() {
		return this.maxLength;
	}

	private void evict() {
		this.eviction.evict(this.map);
	}

	private void forget(String key) {
		FutureProxy<?> future = this.owned.get(key);
		if (future != null && future.isDone()) {
			this.owned.remove(key, future);
		}
	}

	/**
	 * Completes the views of entries that finish, and forgets the futures of entries that
	 * are removed.
	 */
	private final class EntryChanges implements EntryUpdatedListener<String, StoredFutureEntry>,
			EntryRemovedListener<String, StoredFutureEntry>, EntryEvictedListener<String, StoredFutureEntry> {

		@Override
		public void entryUpdated(EntryEvent<String, StoredFutureEntry> event) {
			StoredFutureEntry entry = event.getValue();
			if (entry != null && entry.isFinished()) {
				completeViews(entry);
			}
		}

		@Override
		public void entryRemoved(EntryEvent<String, StoredFutureEntry> event) {
			forget(event.getKey());
		}

		@Override
		public void entryEvicted(EntryEvent<String, StoredFutureEntry> event) {
			forget(event.getKey());
		}

	}

}
