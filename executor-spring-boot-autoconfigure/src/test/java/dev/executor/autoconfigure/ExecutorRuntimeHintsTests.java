package dev.executor.autoconfigure;

import dev.executor.FutureState;
import dev.executor.RemoteTaskException;
import dev.executor.TaskNotSerializableException;
import dev.executor.process.WorkerApplication;
import dev.executor.process.WorkerMain;
import dev.executor.remote.ReceivingApplication;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExecutorRuntimeHints}.
 */
class ExecutorRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	ExecutorRuntimeHintsTests() {
		new ExecutorRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void typesSentToWorkersAndBackShouldBeRegisteredForSerialization() {
		assertThat(this.hints).matches(RuntimeHintsPredicates.serialization().onType(WorkerApplication.class))
			.matches(RuntimeHintsPredicates.serialization().onType(FutureState.class))
			.matches(RuntimeHintsPredicates.serialization().onType(RemoteTaskException.class))
			.matches(RuntimeHintsPredicates.serialization().onType(TaskNotSerializableException.class))
			.matches(RuntimeHintsPredicates.serialization().onType(TypeReference.of("dev.executor.job.JobCall")));
	}

	@Test
	void typesOfStoredJobCallsRunAgainByAnotherInstanceShouldBeRegisteredForSerialization() {
		assertThat(this.hints).matches(RuntimeHintsPredicates.serialization().onType(ReceivingApplication.class))
			.matches(RuntimeHintsPredicates.serialization().onType(TypeReference.of("dev.executor.job.JobCall")));
	}

	@Test
	void typesSentToHazelcastMembersShouldBeRegisteredForSerialization() {
		assertThat(this.hints)
			.matches(RuntimeHintsPredicates.serialization().onType(TypeReference.of("dev.executor.hazelcast.MemberTask")))
			.matches(RuntimeHintsPredicates.serialization()
				.onType(TypeReference.of("dev.executor.hazelcast.MemberOutcome")));
	}

	@Test
	void everyTypeRegisteredForSerializationShouldExist() {
		assertThat(this.hints.serialization().javaSerializationHints())
			.allSatisfy((hint) -> assertThat(ClassUtils.isPresent(hint.getType().getName(), null))
				.as(hint.getType().getName())
				.isTrue());
	}

	@Test
	void workerEntryPointShouldBeInvokable() {
		assertThat(this.hints).matches(RuntimeHintsPredicates.reflection().onMethodInvocation(WorkerMain.class, "main"));
	}

	@Test
	void fieldsReachedThroughVarHandlesShouldBeAccessible() throws ClassNotFoundException {
		assertThat(this.hints)
			.matches(RuntimeHintsPredicates.reflection().onFieldAccess("dev.executor.core.TaskFuture", "started"))
			.matches(RuntimeHintsPredicates.reflection().onFieldAccess("dev.executor.core.TaskFuture", "finish"))
			.matches(RuntimeHintsPredicates.reflection().onFieldAccess("dev.executor.core.ManagedTask", "phase"))
			.matches(RuntimeHintsPredicates.reflection().onFieldAccess("dev.executor.core.InFlightTasks$Slot", "task"));
	}

}
