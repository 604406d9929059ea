package dev.executor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean, or all public methods of a bean class, as a job:
 * calling it submits the call to a {@link ManagedExecutor} and returns at once.
 * <p>
 * A job method returns {@link FutureProxy}, {@link java.util.concurrent.CompletableFuture}
 * or {@link java.util.concurrent.Future} — the caller gets the live future of the task,
 * while the body returns its result wrapped, for example with
 * {@link Jobs#completed(Object)} — or {@code void}, in which case a failure is always
 * reported since no future can show it. Any other return type fails start-up.
 * <p>
 * As with {@code @Async}, a call from the same bean ({@code this.method()}) does not go
 * through the proxy and runs synchronously in the caller.
 *
 * @see JobKey
 * @see Jobs#map(Iterable, java.util.function.Function)
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Job {

	/**
	 * The name of the executor to run on; empty for the default executor.
	 * @return the executor name
	 */
	String executor() default "";

	/**
	 * A SpEL expression over the arguments ({@code #name}, {@code #p0}, {@code #a0}) whose
	 * value is the key to store the future under, as with
	 * {@link ManagedExecutor#submitStored(String, java.util.concurrent.Callable)}. Empty
	 * to not store it, unless a parameter is annotated with {@link JobKey}.
	 * @return the key expression
	 */
	String key() default "";

}
