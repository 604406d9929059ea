package dev.executor.context.security;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor;

/**
 * Propagates the {@link SecurityContext} like Spring Security's
 * {@link SecurityContextHolderThreadLocalAccessor}, under the same key, but hands each
 * task a context of its own that holds the {@code Authentication} the submitter had when
 * it submitted. Spring Security's accessor shares the submitter's context object, so a
 * request thread that empties it, as logging out does with
 * {@code setAuthentication(null)}, would take the principal away from a task that has
 * not finished; and tasks sharing one capture, the items of a {@code map} call, would
 * share one mutable context.
 * <p>
 * Restoring a thread's previous context puts back the very object it held.
 */
public class SecurityContextCopyingThreadLocalAccessor
		implements ThreadLocalAccessor<SecurityContextCopyingThreadLocalAccessor.CapturedSecurityContext> {

	private final SecurityContextHolderThreadLocalAccessor delegate = new SecurityContextHolderThreadLocalAccessor();

	@Override
	public Object key() {
		return this.delegate.key();
	}

	@Override
	public @Nullable CapturedSecurityContext getValue() {
		SecurityContext context = this.delegate.getValue();
		return (context != null) ? new CapturedSecurityContext(context, context.getAuthentication()) : null;
	}

	@Override
	public void setValue(CapturedSecurityContext value) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(value.authentication());
		this.delegate.setValue(context);
	}

	@Override
	public void setValue() {
		this.delegate.setValue();
	}

	@Override
	public void restore(CapturedSecurityContext previousValue) {
		this.delegate.setValue(previousValue.context());
	}

	/**
	 * A thread's security context and the authentication it held when it was captured.
	 *
	 * @param context the context object of the thread
	 * @param authentication its authentication at capture time
	 */
	public record CapturedSecurityContext(SecurityContext context, @Nullable Authentication authentication) {

	}

}
