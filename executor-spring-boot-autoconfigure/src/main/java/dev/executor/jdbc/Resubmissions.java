package dev.executor.jdbc;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

import dev.executor.ExecutorSpec.JdbcSpec;
import dev.executor.FutureProxy;
import dev.executor.ManagedExecutor;
import dev.executor.remote.ReceivingApplication;
import dev.executor.remote.Serialization;
import dev.executor.remote.TaskSerializer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The tasks of one executor's stored futures kept in the database so that a survivor
 * runs them again when their instance is lost ({@code resubmit-on-owner-loss}). Each
 * task is serialised when it is submitted, so that one that cannot be fails at once. A
 * survivor takes a lost row over by one guarded update, so that exactly one survivor
 * runs it, and the new run's future becomes the row's: every instance reads its outcome.
 * At least once: the lost instance may have run the task, or part of it, before.
 */
final class Resubmissions {

	private static final Log logger = LogFactory.getLog(Resubmissions.class);

	private final String executorName;

	private final boolean keepTasks;

	private final long maxResultSize;

	private final FutureTable table;

	private final TransactionOperations transactions;

	private final StoreInstance instance;

	private final Serialization serialization;

	private final TaskSerializer serializer;

	private final @Nullable ApplicationContext applicationContext;

	private volatile @Nullable ManagedExecutor executor;

	Resubmissions(String executorName, JdbcSpec settings, FutureTable table, TransactionOperations transactions,
			StoreInstance instance, Serialization serialization, @Nullable ApplicationContext applicationContext) {
		this.executorName = executorName;
		this.keepTasks = settings.resubmitOnOwnerLoss();
		this.maxResultSize = settings.maxResultSize().toBytes();
		this.table = table;
		this.transactions = transactions;
		this.instance = instance;
		this.serialization = serialization;
		this.applicationContext = applicationContext;
		this.serializer = new TaskSerializer(executorName,
				"another instance (futures.jdbc.resubmit-on-owner-loss is true)");
	}

	/**
	 * Return the bytes to keep in the row of a task, if tasks are kept.
	 * @param task the task as submitted
	 * @return its bytes, {@code null} when tasks are not kept
	 * @throws dev.executor.TaskNotSerializableException if it cannot be serialised
	 */
	byte @Nullable [] keep(Callable<?> task) {
		return this.keepTasks ? this.serializer.serialize(task) : null;
	}

	void resubmitTo(ManagedExecutor executor) {
		this.executor = executor;
	}

	/**
	 * Take over and run again the kept tasks of a lost instance's unfinished futures.
	 * @param lost the lost instance
	 * @param adopt makes the future of a new run the one of the row with the given id
	 */
	void resubmitTasksOf(StoreInstance lost, BiConsumer<FutureRow, FutureProxy<?>> adopt) {
		ManagedExecutor executor = this.executor;
		if (executor == null) {
			return;
		}
		for (FutureRow row : this.table.unfinishedWithTaskOwnedBy(lost)) {
			Optional<byte[]> claimed = Objects
				.requireNonNull(this.transactions.execute((status) -> this.table.claim(row.id(), lost, this.instance)));
			claimed.ifPresent((task) -> {
				logger.warn("Running again the task of stored future '" + row.key() + "' of executor '"
						+ this.executorName + "', whose instance " + lost.name() + " was lost before it finished; "
						+ "it may have run there in part or in full");
				run(executor, row, task, adopt);
			});
		}
	}

	// a task that cannot be read here, or that the executor refuses, ends its row failed,
	// so that no instance waits for it
	private void run(ManagedExecutor executor, FutureRow row, byte[] task,
			BiConsumer<FutureRow, FutureProxy<?>> adopt) {
		FutureProxy<?> future;
		try {
			future = executor.submit(inThisApplication(
					(Callable<?>) Objects.requireNonNull(this.serialization.deserialize(task))));
		}
		catch (Exception ex) {
			Outcome outcome = Outcome.failed(ex, this.maxResultSize);
			long now = System.currentTimeMillis();
			this.transactions.executeWithoutResult((status) -> this.table.finish(row.id(), outcome, now));
			return;
		}
		adopt.accept(row, future);
	}

	// a @Job call finds its bean in this instance's application context
	private <T> Callable<T> inThisApplication(Callable<T> task) {
		ApplicationContext context = this.applicationContext;
		return (context != null) ? () -> ReceivingApplication.call(context, task) : task;
	}

}
