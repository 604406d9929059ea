package dev.executor.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.executor.ExecutorSpec;
import dev.executor.StoredFutures;
import dev.executor.remote.Serialization;
import dev.executor.spi.StoredFuturesFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the {@link JdbcStoredFutures} of executors with {@code futures.store=jdbc},
 * all as one application instance of the database store, and the stores of other
 * executors with another factory. Closing it tells the other instances that this one has
 * left.
 *
 * @since 0.1.0
 */
public class JdbcStoredFuturesFactory implements StoredFuturesFactory, AutoCloseable {

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final ClassLoader classLoader;

	private final StoredFuturesFactory others;

	private final @Nullable ApplicationContext applicationContext;

	private final StoreInstance instance = StoreInstance.create();

	private final Map<String, FutureTable> tables = new ConcurrentHashMap<>();

	/**
	 * Create a factory whose stores keep futures in the given database.
	 * @param dataSource the application's database
	 * @param classLoader the class loader of results and exceptions, {@code null} for the
	 * default one
	 * @param others creates the stores of executors whose futures are kept elsewhere
	 */
	public JdbcStoredFuturesFactory(DataSource dataSource, @Nullable ClassLoader classLoader,
			StoredFuturesFactory others) {
		this(dataSource, classLoader, others, null);
	}

	/**
	 * Create a factory whose stores keep futures in the given database and run the
	 * {@link dev.executor.Job @Job} calls of lost instances again on the beans of the
	 * given application context.
	 * @param dataSource the application's database
	 * @param classLoader the class loader of results and exceptions, {@code null} for the
	 * default one
	 * @param others creates the stores of executors whose futures are kept elsewhere
	 * @param applicationContext the application context of this instance, {@code null}
	 * for none
	 */
	public JdbcStoredFuturesFactory(DataSource dataSource, @Nullable ClassLoader classLoader,
			StoredFuturesFactory others, @Nullable ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
		this.jdbc = JdbcClient.create(dataSource);
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions = transactions;
		this.classLoader = (classLoader != null) ? classLoader : Serialization.defaultClassLoader();
		this.others = others;
	}

	@Override
	public StoredFutures create(ExecutorSpec spec) {
		if (!spec.jdbc().storeFutures()) {
			return this.others.create(spec);
		}
		FutureTable table = new FutureTable(this.jdbc, spec.jdbc().tableName(), spec.name());
		this.tables.putIfAbsent(spec.jdbc().tableName(), table);
		return new JdbcStoredFutures(spec, table, this.transactions, this.instance, this.classLoader,
				this.applicationContext);
	}

	/**
	 * Remove this instance from the database store, so that other instances do not wait
	 * for its heartbeats. Its executors have closed first and recorded their futures.
	 */
	@Override
	public void close() {
		this.tables.values()
			.forEach((table) -> this.transactions.executeWithoutResult((status) -> table.leave(this.instance)));
	}

}
