package dev.executor.job;

import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * A stored {@link dev.executor.Job @Job} call on an executor whose store keeps tasks to
 * run them again elsewhere ({@code futures.jdbc.resubmit-on-owner-loss}): here it
 * proceeds with the intercepted call, and it is serialised as the {@link JobCall} that
 * another instance runs on the same bean of its own application context.
 */
final class ResubmittableJobCall implements Callable<@Nullable Object>, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient Callable<@Nullable Object> here;

	private final JobCall elsewhere;

	ResubmittableJobCall(Callable<@Nullable Object> here, JobCall elsewhere) {
		this.here = here;
		this.elsewhere = elsewhere;
	}

	@Override
	public @Nullable Object call() throws Exception {
		return this.here.call();
	}

	@Serial
	private Object writeReplace() {
		return this.elsewhere;
	}

	@Override
	public String toString() {
		return this.elsewhere.toString();
	}

}
