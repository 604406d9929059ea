package dev.executor.context.security;

import dev.executor.context.ReusableThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor;
import org.springframework.security.core.context.SecurityContextImpl;

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
		implements ReusableThreadLocalAccessor<SecurityContextCopyingThreadLocalAccessor.CapturedSecurityContext> {

	private final SecurityContextHolderThreadLocalAccessor delegate = new SecurityContextHolderThreadLocalAccessor();

	@Override
	public Object key() {
		return this.delegate.key();
	}

	@Override
	public @Nullable CapturedSecurityContext getValue() {
		SecurityContext context = SecurityContextHolder.getContext();
		Authentication authentication = context.getAuthentication();
		if (authentication == null && isEmpty(context)) {
			return null;
		}
		return new CapturedSecurityContext(context, authentication);
	}

	@Override
	public boolean isCurrent(CapturedSecurityContext captured) {
		SecurityContext context = SecurityContextHolder.getContext();
		return context == captured.context() && context.getAuthentication() == captured.authentication();
	}

	// as Spring Security's accessor, without creating an empty context to compare with
	// for the plain context every task without a user has
	private static boolean isEmpty(SecurityContext context) {
		return context.getClass() == SecurityContextImpl.class
				|| context.equals(SecurityContextHolder.createEmptyContext());
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
