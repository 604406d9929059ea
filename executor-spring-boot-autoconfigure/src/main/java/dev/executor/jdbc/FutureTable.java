package dev.executor.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.executor.FutureState;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of one executor's stored futures on the table of futures and the table
 * of instances. Every change that several instances may race on is a single statement
 * guarded by its {@code WHERE} clause, so that exactly one of them wins: the unique key
 * refuses a second future under a key, and an outcome is recorded only while none is.
 */
final class FutureTable {

	private static final String COLUMNS = "ID, FUTURE_KEY, LIVE_KEY, OWNER_ID, OWNER_NAME, STATE, FINISHED_AT, "
			+ "FAILURE_CLASS, MESSAGE, PAYLOAD";

	private final JdbcClient jdbc;

	private final String futures;

	private final String instances;

	private final String executorName;

	FutureTable(JdbcClient jdbc, String tableName, String executorName) {
		this.jdbc = jdbc;
		this.futures = tableName;
		this.instances = tableName + "_INSTANCES";
		this.executorName = executorName;
	}

	// the unique key makes the row under the key ours until this transaction ends, and
	// reading its id back works the same on every database, unlike generated keys
	long insert(String key, StoreInstance owner, long now, byte @Nullable [] task) {
		this.jdbc.sql("INSERT INTO " + this.futures + " (EXECUTOR_NAME, FUTURE_KEY, LIVE_KEY, OWNER_ID, OWNER_NAME, "
				+ "STATE, SUBMITTED_AT, TASK) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.executorName, key, key, owner.id(), owner.name(), FutureState.PENDING.name(), now,
					binary(task))
			.update();
		return this.jdbc.sql("SELECT ID FROM " + this.futures + " WHERE EXECUTOR_NAME = ? AND LIVE_KEY = ?")
			.params(this.executorName, key)
			.query(Long.class)
			.single();
	}

	Optional<FutureRow> find(String key) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + this.futures + " WHERE EXECUTOR_NAME = ? AND LIVE_KEY = ?")
			.params(this.executorName, key)
			.query(FutureTable::row)
			.optional();
	}

	List<FutureRow> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + this.futures + " WHERE ID IN (:ids)")
			.param("ids", ids)
			.query(FutureTable::row)
			.list();
	}

	List<Long> ids(Collection<Long> ids, boolean finishedOnly) {
		return this.jdbc.sql("SELECT ID FROM " + this.futures + " WHERE ID IN (:ids)"
				+ (finishedOnly ? " AND FINISHED_AT IS NOT NULL" : ""))
			.param("ids", ids)
			.query((rs, row) -> rs.getLong(1))
			.list();
	}

	Optional<FutureState> state(long id) {
		return this.jdbc.sql("SELECT STATE FROM " + this.futures + " WHERE ID = ?")
			.param(id)
			.query((rs, row) -> FutureState.valueOf(rs.getString(1)))
			.optional();
	}

	List<String> keys() {
		return this.jdbc.sql("SELECT LIVE_KEY FROM " + this.futures
				+ " WHERE EXECUTOR_NAME = ? AND LIVE_KEY IS NOT NULL ORDER BY ID")
			.param(this.executorName)
			.query((rs, row) -> rs.getString(1))
			.list();
	}

	int size() {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + this.futures
				+ " WHERE EXECUTOR_NAME = ? AND LIVE_KEY IS NOT NULL")
			.param(this.executorName)
			.query(Integer.class)
			.single();
	}

	boolean pop(long id) {
		return this.jdbc.sql("UPDATE " + this.futures + " SET LIVE_KEY = NULL WHERE ID = ? AND LIVE_KEY IS NOT NULL")
			.param(id)
			.update() == 1;
	}

	boolean running(long id) {
		return this.jdbc.sql("UPDATE " + this.futures + " SET STATE = ? WHERE ID = ? AND FINISHED_AT IS NULL")
			.params(FutureState.RUNNING.name(), id)
			.update() == 1;
	}

	boolean finish(long id, Outcome outcome, long now) {
		return this.jdbc.sql("UPDATE " + this.futures + " SET STATE = ?, FINISHED_AT = ?, FAILURE_CLASS = ?, "
				+ "MESSAGE = ?, PAYLOAD = ?, TASK = NULL WHERE ID = ? AND FINISHED_AT IS NULL")
			.params(outcome.state().name(), now, text(outcome.failureClass()), text(outcome.message()), payload(outcome), id)
			.update() == 1;
	}

	List<StoreInstance> lostOwners(StoreInstance self, long aliveSince) {
		return this.jdbc.sql("SELECT DISTINCT F.OWNER_ID, F.OWNER_NAME FROM " + this.futures + " F"
				+ " WHERE F.EXECUTOR_NAME = ? AND F.FINISHED_AT IS NULL AND F.OWNER_ID <> ? AND NOT EXISTS"
				+ " (SELECT 1 FROM " + this.instances + " I WHERE I.ID = F.OWNER_ID AND I.HEARTBEAT_AT >= ?)")
			.params(this.executorName, self.id(), aliveSince)
			.query((rs, row) -> new StoreInstance(rs.getString(1), rs.getString(2)))
			.list();
	}

	int failOwnedBy(StoreInstance owner, Outcome outcome, long now) {
		return this.jdbc.sql("UPDATE " + this.futures + " SET STATE = ?, FINISHED_AT = ?, FAILURE_CLASS = ?, "
				+ "MESSAGE = ?, PAYLOAD = ?, TASK = NULL WHERE EXECUTOR_NAME = ? AND OWNER_ID = ? "
				+ "AND FINISHED_AT IS NULL")
			.params(outcome.state().name(), now, text(outcome.failureClass()), text(outcome.message()), payload(outcome),
					this.executorName, owner.id())
			.update();
	}

	List<FutureRow> unfinishedWithTaskOwnedBy(StoreInstance owner) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + this.futures + " WHERE EXECUTOR_NAME = ? AND OWNER_ID = ? "
				+ "AND FINISHED_AT IS NULL AND TASK IS NOT NULL ORDER BY ID")
			.params(this.executorName, owner.id())
			.query(FutureTable::row)
			.list();
	}

	// the guarded update lets exactly one survivor take the row over; the task is read
	// in the same transaction, by the instance that now owns the row
	Optional<byte[]> claim(long id, StoreInstance lost, StoreInstance self) {
		int claimed = this.jdbc.sql("UPDATE " + this.futures + " SET OWNER_ID = ?, OWNER_NAME = ?, STATE = ? "
				+ "WHERE ID = ? AND OWNER_ID = ? AND FINISHED_AT IS NULL AND TASK IS NOT NULL")
			.params(self.id(), self.name(), FutureState.PENDING.name(), id, lost.id())
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT TASK FROM " + this.futures + " WHERE ID = ?")
			.param(id)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	int evictFinishedBefore(long before) {
		return this.jdbc.sql("DELETE FROM " + this.futures + " WHERE EXECUTOR_NAME = ? AND FINISHED_AT < ?")
			.params(this.executorName, before)
			.update();
	}

	int evictPoppedBefore(long before) {
		return this.jdbc.sql("DELETE FROM " + this.futures
				+ " WHERE EXECUTOR_NAME = ? AND LIVE_KEY IS NULL AND FINISHED_AT < ?")
			.params(this.executorName, before)
			.update();
	}

	// a finished row goes when maxLength live rows are ahead of it: unfinished ones, or
	// finished later; instances that evict at once select the same rows, so that none
	// removes more than the excess, as a count followed by a delete of the oldest would
	void evictBeyond(int maxLength) {
		List<Long> evicted = this.jdbc.sql("SELECT F.ID FROM " + this.futures + " F WHERE F.EXECUTOR_NAME = ? AND "
				+ "F.LIVE_KEY IS NOT NULL AND F.FINISHED_AT IS NOT NULL AND (SELECT COUNT(*) FROM " + this.futures
				+ " N WHERE N.EXECUTOR_NAME = F.EXECUTOR_NAME AND N.LIVE_KEY IS NOT NULL AND (N.FINISHED_AT IS NULL "
				+ "OR N.FINISHED_AT > F.FINISHED_AT OR (N.FINISHED_AT = F.FINISHED_AT AND N.ID > F.ID))) >= ?")
			.params(this.executorName, maxLength)
			.query((rs, row) -> rs.getLong(1))
			.list();
		if (!evicted.isEmpty()) {
			this.jdbc.sql("DELETE FROM " + this.futures + " WHERE ID IN (:ids) AND FINISHED_AT IS NOT NULL")
				.param("ids", evicted)
				.update();
		}
	}

	void heartbeat(StoreInstance self, long now) {
		int updated = this.jdbc.sql("UPDATE " + this.instances + " SET HEARTBEAT_AT = ? WHERE ID = ?")
			.params(now, self.id())
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO " + this.instances + " (ID, NAME, HEARTBEAT_AT) VALUES (?, ?, ?)")
				.params(self.id(), self.name(), now)
				.update();
		}
	}

	void forgetInstancesSilentSince(long before) {
		this.jdbc.sql("DELETE FROM " + this.instances + " WHERE HEARTBEAT_AT < ?").param(before).update();
	}

	void leave(StoreInstance self) {
		this.jdbc.sql("DELETE FROM " + this.instances + " WHERE ID = ?").param(self.id()).update();
	}

	private static SqlParameterValue text(@Nullable String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	private static SqlParameterValue payload(Outcome outcome) {
		return binary(outcome.payload());
	}

	// VARBINARY maps to every supported database's binary column, also for a null value
	private static SqlParameterValue binary(byte @Nullable [] bytes) {
		return new SqlParameterValue(Types.VARBINARY, bytes);
	}

	private static FutureRow row(ResultSet rs, int rowNum) throws SQLException {
		long finishedAt = rs.getLong("FINISHED_AT");
		@Nullable Long finished = rs.wasNull() ? null : finishedAt;
		return new FutureRow(rs.getLong("ID"), rs.getString("FUTURE_KEY"), rs.getString("LIVE_KEY") == null,
				rs.getString("OWNER_ID"), rs.getString("OWNER_NAME"), FutureState.valueOf(rs.getString("STATE")),
				finished, rs.getString("FAILURE_CLASS"), rs.getString("MESSAGE"), rs.getBytes("PAYLOAD"));
	}

}
