package dev.executor.context.web;

import dev.executor.context.ReusableThreadLocalAccessor;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestAttributesThreadLocalAccessor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Propagates the {@link RequestContextHolder request attributes} like Spring's
 * {@link RequestAttributesThreadLocalAccessor}, under the same key, but hands tasks a
 * {@link DetachedHttpServletRequest copy of the request} that stays readable after the
 * response has been sent. Spring's accessor keeps the container's request object, which
 * the container recycles once the request completes: its headers, parameters and URI
 * can then no longer be read.
 * <p>
 * Attributes other than servlet request attributes, and those whose request cannot be
 * copied, are propagated as they are.
 * Restoring a thread's previous attributes puts back the very object it held.
 */
public class DetachedRequestThreadLocalAccessor
		implements ReusableThreadLocalAccessor<DetachedRequestThreadLocalAccessor.CapturedRequestAttributes> {

	@Override
	public Object key() {
		return RequestAttributesThreadLocalAccessor.KEY;
	}

	@Override
	public @Nullable CapturedRequestAttributes getValue() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null) ? new CapturedRequestAttributes(attributes, capture(attributes)) : null;
	}

	// a copy that no task gets, the one each task's copy is made of
	private static @Nullable DetachedHttpServletRequest capture(RequestAttributes attributes) {
		if (attributes instanceof ServletRequestAttributes servletAttributes) {
			HttpServletRequest request = servletAttributes.getRequest();
			if (!(request instanceof DetachedHttpServletRequest)) {
				try {
					return new DetachedHttpServletRequest(request);
				}
				catch (RuntimeException ex) {
					// a recycled or unusual request must not fail the submission: pass it on as
					// Spring's accessor would
				}
			}
		}
		return null;
	}

	@Override
	public boolean isCurrent(CapturedRequestAttributes captured) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != captured.attributes()) {
			return false;
		}
		DetachedHttpServletRequest capture = captured.capture;
		return capture == null || capture.isCurrentCopyOf(((ServletRequestAttributes) attributes).getRequest());
	}

	@Override
	public void setValue(CapturedRequestAttributes value) {
		RequestContextHolder.setRequestAttributes(value.taskAttributes());
	}

	@Override
	public void setValue() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Override
	public void restore(CapturedRequestAttributes previousValue) {
		RequestContextHolder.setRequestAttributes(previousValue.attributes());
	}

	/**
	 * A thread's request attributes and what tasks get of them. Immutable, so that one
	 * capture can stand for many submissions: each task gets a copy of the request of
	 * its own.
	 */
	public static final class CapturedRequestAttributes {

		private final RequestAttributes attributes;

		// null when the attributes are passed on as they are
		private final @Nullable DetachedHttpServletRequest capture;

		CapturedRequestAttributes(RequestAttributes attributes, @Nullable DetachedHttpServletRequest capture) {
			this.attributes = attributes;
			this.capture = capture;
		}

		/**
		 * Return the attributes the thread held.
		 * @return the attributes
		 */
		public RequestAttributes attributes() {
			return this.attributes;
		}

		/**
		 * Return the attributes a task gets: for servlet request attributes, new ones
		 * over a new copy of the request as it was captured; else, and for attributes
		 * that are already over a copy, those the thread held.
		 * @return the attributes for one task
		 */
		public RequestAttributes taskAttributes() {
			return (this.capture != null) ? new ServletRequestAttributes(this.capture.copy()) : this.attributes;
		}

	}

}
