package dev.executor.hazelcast;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import dev.executor.TaskNotSerializableException;
import dev.executor.remote.Serialization;
import dev.executor.remote.WorkerContext;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * What a {@link HazelcastPool} sends to a member: the serialised task and the context it
 * carries. On the member it sets the context, runs the task and answers with a
 * {@link MemberOutcome}, so that results and exceptions travel as the task produced them.
 */
final class MemberTask implements Callable<MemberOutcome>, Serializable, HazelcastInstanceAware {

	@Serial
	private static final long serialVersionUID = 1L;

	// one per class loader, so that the classes a member loaded by name stay known
	private static final Map<ClassLoader, Serialization> serializations = new ConcurrentReferenceHashMap<>();

	private final String executorName;

	private final byte[] task;

	private final byte[] context;

	private transient @Nullable HazelcastInstance instance;

	MemberTask(String executorName, byte[] task, byte[] context) {
		this.executorName = executorName;
		this.task = task;
		this.context = context;
	}

	@Override
	public void setHazelcastInstance(HazelcastInstance instance) {
		this.instance = instance;
	}

	@Override
	public MemberOutcome call() throws IOException {
		Serialization serialization = serializations.computeIfAbsent(classLoader(), Serialization::new);
		Object result;
		HazelcastTasks.set(this.instance);
		try (AutoCloseable scope = WorkerContext.read(new DataInputStream(new ByteArrayInputStream(this.context)))
			.apply(serialization)) {
			Callable<?> callable = (Callable<?>) serialization.deserialize(this.task);
			result = (callable != null) ? callable.call() : null;
		}
		catch (Throwable ex) {
			return MemberOutcome.failure(ex);
		}
		finally {
			HazelcastTasks.set(null);
		}
		return result(result);
	}

	private MemberOutcome result(@Nullable Object result) throws IOException {
		try {
			return MemberOutcome.result(result);
		}
		catch (NotSerializableException ex) {
			return MemberOutcome.failure(resultNotSerializable(result, ex));
		}
		catch (IOException | RuntimeException ex) {
			return MemberOutcome.failure(ex);
		}
	}

	private TaskNotSerializableException resultNotSerializable(@Nullable Object result, NotSerializableException ex) {
		String className = String.valueOf(ex.getMessage());
		String within = (result == null || className.equals(result.getClass().getName())) ? ""
				: " (in the result, a " + result.getClass().getName() + ")";
		return new TaskNotSerializableException("The result of a task on executor '" + this.executorName
				+ "' cannot be sent back from member " + member() + ": " + className + " is not serializable" + within
				+ "; return a serializable value", this.executorName, className, null);
	}

	private String member() {
		return (this.instance != null) ? HazelcastPool.describe(this.instance.getCluster().getLocalMember()) : "?";
	}

	private ClassLoader classLoader() {
		ClassLoader configured = (this.instance != null) ? this.instance.getConfig().getClassLoader() : null;
		return (configured != null) ? configured : Serialization.defaultClassLoader();
	}

}
