package dev.executor.jdbc;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import dev.executor.DuplicateFutureKeyException;
import dev.executor.ExecutorSpec;
import dev.executor.ExecutorSpec.JdbcSpec;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.OwnerLostException;
import dev.executor.StoredFutures;
import dev.executor.remote.Serialization;
import dev.executor.spi.ResubmittingStoredFutures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link StoredFutures} kept in the application's database ({@code futures.store=jdbc}):
 * one row per stored future, so that keys, states, results and exceptions are visible,
 * and cancellation works, from every application instance and after a restart. The
 * instance that submitted a task owns its row and records the outcome; the others see a
 * {@link JdbcStoredFuture} that completes when they read it, every
 * {@code poll-interval}. Each instance sends a heartbeat; the unfinished futures of one
 * silent for {@code owner-timeout} are failed by another, or run again by another with
 * {@code resubmit-on-owner-loss} (see {@link Resubmissions}). Eviction by
 * {@code max-length} and {@code time-to-live} applies to the whole table and only to
 * finished futures.
 */
public class JdbcStoredFutures implements ResubmittingStoredFutures, AutoCloseable {

	private static final Log logger = LogFactory.getLog(JdbcStoredFutures.class);

	// long enough for every instance's views to read the outcome of a future popped
	// while unfinished
	private static final long POPPED_OUTCOME_MILLIS = Duration.ofMinutes(10).toMillis();

	private final String executorName;

	private final int maxLength;

	private final long timeToLiveMillis;

	private final JdbcSpec settings;

	private final FutureTable table;

	private final TransactionOperations transactions;

	private final StoreInstance instance;

	private final Serialization serialization;

	private final Executor defaultExecutor = ForkJoinPool.commonPool();

	private final Map<Long, OwnedFuture> owned = new ConcurrentHashMap<>();

	private final Map<Long, List<JdbcStoredFuture<?>>> views = new ConcurrentHashMap<>();

	private final Resubmissions resubmissions;

	private final StorePoller poller;

	JdbcStoredFutures(ExecutorSpec spec, FutureTable table, TransactionOperations transactions,
			StoreInstance instance, ClassLoader classLoader, @Nullable ApplicationContext applicationContext) {
		this.executorName = spec.name();
		this.maxLength = spec.futuresMaxLength();
		Duration timeToLive = spec.futuresTimeToLive();
		this.timeToLiveMillis = (timeToLive != null) ? timeToLive.toMillis() : Long.MAX_VALUE;
		this.settings = spec.jdbc();
		this.table = table;
		this.transactions = transactions;
		this.instance = instance;
		this.serialization = new Serialization(classLoader);
		this.resubmissions = new Resubmissions(spec.name(), this.settings, table, transactions, instance,
				this.serialization, applicationContext);
		join(spec);
		this.poller = new StorePoller("executor-futures-" + spec.name(), this::poll, this.settings.pollInterval(),
				this::heartbeat, this.settings.heartbeatInterval());
	}

	String executorName() {
		return this.executorName;
	}

	@Override
	public void add(String key, FutureProxy<?> future) {
		add(key, future, (byte[]) null);
	}

	// the task is kept only with futures.jdbc.resubmit-on-owner-loss
	@Override
	public void add(String key, FutureProxy<?> future, Callable<?> task) {
		add(key, future, this.resubmissions.keep(task));
	}

	private void add(String key, FutureProxy<?> future, byte @Nullable [] task) {
		long now = System.currentTimeMillis();
		evict(now);
		long id;
		try {
			id = write(() -> this.table.insert(key, this.instance, now, task));
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateFutureKeyException(this.executorName, key);
		}
		own(id, key, future);
	}

	private void own(long id, String key, FutureProxy<?> future) {
		future.bindKey(key);
		this.owned.put(id, new OwnedFuture(future));
		future.whenComplete((result, failure) -> finished(id, future, result, failure));
	}

	@Override
	public void resubmitTo(ManagedExecutor executor) {
		this.resubmissions.resubmitTo(executor);
	}

	private void finished(long id, FutureProxy<?> future, @Nullable Object result, @Nullable Throwable failure) {
		Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
		Outcome outcome = Outcome.of(future.state(), result, future.isCancelled() ? null : cause,
				this.settings.maxResultSize().toBytes(), this.instance.name());
		long now = System.currentTimeMillis();
		try {
			run(() -> this.table.finish(id, outcome, now));
			OwnedFuture local = this.owned.get(id);
			if (local != null) {
				local.outcomeRecorded = true;
			}
			evict(now);
		}
		catch (RuntimeException ex) {
			logger.warn("Recording the outcome of stored future '" + future.key().orElse("?") + "' of executor '"
					+ this.executorName + "' failed; trying again at the next poll", ex);
		}
	}

	@Override
	public <T extends @Nullable Object> Optional<FutureProxy<T>> get(String key) {
		return this.table.find(key).map(this::future);
	}

	@Override
	public <T extends @Nullable Object> Optional<FutureProxy<T>> pop(String key) {
		Optional<FutureRow> row = this.table.find(key);
		if (row.isEmpty() || !write(() -> this.table.pop(row.get().id()))) {
			return Optional.empty();
		}
		return Optional.of(future(row.get()));
	}

	@SuppressWarnings("unchecked")
	private <T extends @Nullable Object> FutureProxy<T> future(FutureRow row) {
		OwnedFuture local = this.owned.get(row.id());
		if (local != null) {
			return (FutureProxy<T>) local.future;
		}
		JdbcStoredFuture<T> view = new JdbcStoredFuture<>(this, row.id(), row.key(), this.defaultExecutor);
		if (row.isFinished()) {
			Outcome.of(row).complete(view, this.serialization, this.executorName);
		}
		else {
			this.views.computeIfAbsent(row.id(), (id) -> new CopyOnWriteArrayList<>()).add(view);
		}
		return view;
	}

	@Override
	public boolean contains(String key) {
		return this.table.find(key).isPresent();
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
		return this.table.find(key).map((row) -> {
			OwnedFuture local = this.owned.get(row.id());
			return (!row.isFinished() && local != null) ? local.future.state() : row.state();
		});
	}

	@Override
	public boolean cancel(String key) {
		return get(key).map((future) -> !future.isDone() && future.cancel(true)).orElse(false);
	}

	@Nullable FutureState recordedState(long id) {
		OwnedFuture local = this.owned.get(id);
		return (local != null) ? local.future.state() : this.table.state(id).orElse(null);
	}

	boolean cancelRecorded(long id) {
		long now = System.currentTimeMillis();
		return write(() -> this.table.finish(id, Outcome.cancelled(), now));
	}

	@Override
	public Set<String> keys() {
		return Collections.unmodifiableSet(new LinkedHashSet<>(this.table.keys()));
	}

	@Override
	public int size() {
		return this.table.size();
	}

	@Override
	public int maxLength() {
		return this.maxLength;
	}

	/**
	 * Stop reading the database. Futures of this instance that are still unfinished are
	 * recorded as cancelled, so that no other instance waits for them; finished ones stay
	 * for every instance to read, also after a restart.
	 */
	@Override
	public void close() {
		this.poller.close();
		long now = System.currentTimeMillis();
		this.owned.forEach((id, local) -> {
			if (!local.future.isDone()) {
				run(() -> this.table.finish(id, Outcome.cancelled(), now));
			}
		});
	}

	private void join(ExecutorSpec spec) {
		try {
			heartbeat();
		}
		catch (BadSqlGrammarException ex) {
			throw new IllegalStateException("The tables of the stored futures of executor '" + spec.name()
					+ "' cannot be used (" + ex.getMostSpecificCause().getMessage() + "); create them with the "
					+ "script dev/executor/jdbc/schema-<database>.sql of the executor starter's jar, or set "
					+ spec.propertyPrefix() + ".futures.jdbc.initialize-schema to 'always'", ex);
		}
	}

	private void heartbeat() {
		long now = System.currentTimeMillis();
		run(() -> this.table.heartbeat(this.instance, now));
	}

	private void poll() {
		long now = System.currentTimeMillis();
		failLostOwners(now);
		recordOwned();
		completeViews();
		evict(now);
	}

	private void failLostOwners(long now) {
		long aliveSince = now - this.settings.ownerTimeout().toMillis();
		for (StoreInstance lost : this.table.lostOwners(this.instance, aliveSince)) {
			this.resubmissions.resubmitTasksOf(lost, (row, future) -> own(row.id(), row.key(), future));
			Outcome outcome = Outcome.failed(new OwnerLostException(this.executorName, lost.name(),
					format(this.settings.ownerTimeout()), this.instance.name()), this.settings.maxResultSize().toBytes());
			run(() -> this.table.failOwnedBy(lost, outcome, now));
		}
	}

	// running is recorded by polling, as the executor reports no start to the store; a
	// row that ended while its future runs here was cancelled by another instance; an
	// outcome that could not be written, with the database away, is written again
	private void recordOwned() {
		Set<Long> unfinished = new HashSet<>();
		Set<Long> done = new HashSet<>();
		this.owned.forEach((id, local) -> {
			if (local.future.isDone()) {
				if (!local.outcomeRecorded) {
					local.future.whenComplete((result, failure) -> finished(id, local.future, result, failure));
				}
				done.add(id);
				return;
			}
			unfinished.add(id);
			if (!local.runningRecorded && local.future.state() == FutureState.RUNNING) {
				local.runningRecorded = write(() -> this.table.running(id));
			}
		});
		if (!unfinished.isEmpty()) {
			for (Long id : this.table.ids(unfinished, true)) {
				OwnedFuture local = this.owned.get(id);
				if (local != null) {
					local.future.cancel(true);
				}
			}
		}
		if (!done.isEmpty()) {
			done.removeAll(this.table.ids(done, false));
			done.forEach(this.owned::remove);
		}
	}

	private void completeViews() {
		if (this.views.isEmpty()) {
			return;
		}
		Set<Long> missing = new HashSet<>(this.views.keySet());
		for (FutureRow row : this.table.findAll(missing)) {
			missing.remove(row.id());
			if (row.isFinished()) {
				List<JdbcStoredFuture<?>> waiting = this.views.remove(row.id());
				if (waiting != null) {
					waiting.forEach((view) -> Outcome.of(row).complete(view, this.serialization, this.executorName));
				}
			}
		}
		missing.forEach(this::removedBeforeRead);
	}

	private void removedBeforeRead(long id) {
		List<JdbcStoredFuture<?>> waiting = this.views.remove(id);
		if (waiting != null) {
			waiting.forEach((view) -> view.completeExceptionally(new IllegalStateException("Stored future '"
					+ view.key().orElse("?") + "' of executor '" + this.executorName
					+ "' was removed from the database before this instance read its outcome")));
		}
	}

	private void evict(long now) {
		run(() -> {
			if (this.timeToLiveMillis != Long.MAX_VALUE) {
				this.table.evictFinishedBefore(now - this.timeToLiveMillis);
			}
			this.table.evictPoppedBefore(now - POPPED_OUTCOME_MILLIS);
			if (this.table.size() > this.maxLength) {
				this.table.evictBeyond(this.maxLength);
			}
		});
	}

	// the store's writes commit at once, also when the task is submitted inside a
	// transaction of the application: other instances must see them, and a rollback of
	// the application's work must not forget a task that runs
	private <T> T write(Supplier<T> statement) {
		return Objects.requireNonNull(this.transactions.execute((status) -> statement.get()));
	}

	private void run(Runnable statements) {
		this.transactions.executeWithoutResult((status) -> statements.run());
	}

	private static String format(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

	private static final class OwnedFuture {

		private final FutureProxy<?> future;

		private volatile boolean runningRecorded;

		private volatile boolean outcomeRecorded;

		OwnedFuture(FutureProxy<?> future) {
			this.future = future;
		}

	}

}
