package dev.executor.autoconfigure;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.util.List;

import dev.executor.DuplicateFutureKeyException;
import dev.executor.FutureState;
import dev.executor.MemberLostException;
import dev.executor.NoSuchExecutorException;
import dev.executor.OwnerLostException;
import dev.executor.RemoteTaskException;
import dev.executor.TaskNotSerializableException;
import dev.executor.TaskTimeoutException;
import dev.executor.WorkerCrashedException;
import dev.executor.process.WorkerApplication;
import dev.executor.process.WorkerMain;
import dev.executor.remote.ReceivingApplication;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * What a native image needs beyond what Spring AOT finds in the bean definitions: the
 * types that travel, serialised, to worker processes and Hazelcast members and back, the
 * schema scripts of the database store, the
 * worker's entry point, which is started by name, and the fields that the lock-free
 * parts of the executors reach through {@code VarHandle}s. The bean classes of
 * {@link dev.executor.Job @Job} methods are covered by {@code JobBeanRegistrationAotProcessor}.
 */
class ExecutorRuntimeHints implements RuntimeHintsRegistrar {

	private static final List<Class<? extends Serializable>> SERIALIZED = List.of(FutureState.class, SerializedLambda.class,
			WorkerApplication.class, RemoteTaskException.class, TaskNotSerializableException.class,
			TaskTimeoutException.class, WorkerCrashedException.class, MemberLostException.class,
			NoSuchExecutorException.class, DuplicateFutureKeyException.class, OwnerLostException.class,
			ReceivingApplication.class);

	// package-private: named rather than referenced
	private static final List<String> SERIALIZED_JOB_TYPES = List.of("dev.executor.job.JobCall");

	private static final List<String> SERIALIZED_HAZELCAST_TYPES = List.of("dev.executor.hazelcast.MemberTask",
			"dev.executor.hazelcast.MemberOutcome", "dev.executor.hazelcast.MemberApplicationContext",
			"dev.executor.hazelcast.StoredFutureCommand", "dev.executor.hazelcast.StoredFutureEntry");

	private static final String HAZELCAST = "com.hazelcast.core.HazelcastInstance";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		SERIALIZED.forEach(hints.serialization()::registerType);
		SERIALIZED_JOB_TYPES.forEach((type) -> hints.serialization().registerType(TypeReference.of(type)));
		if (ClassUtils.isPresent(HAZELCAST, classLoader)) {
			SERIALIZED_HAZELCAST_TYPES.forEach((type) -> hints.serialization().registerType(TypeReference.of(type)));
		}
		hints.resources().registerPattern("dev/executor/jdbc/schema-*.sql");
		hints.reflection().registerType(WorkerMain.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		registerFields(hints, "dev.executor.core.TaskFuture", "started", "finish");
		registerFields(hints, "dev.executor.core.ManagedTask", "phase");
		registerFields(hints, "dev.executor.core.InFlightTasks$Slot", "task");
	}

	private static void registerFields(RuntimeHints hints, String type, String... fields) {
		hints.reflection().registerType(TypeReference.of(type), (hint) -> {
			for (String field : fields) {
				hint.withField(field);
			}
		});
	}

}
