package dev.executor.context.web;

import io.micrometer.context.ThreadLocalAccessor;
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
		implements ThreadLocalAccessor<DetachedRequestThreadLocalAccessor.CapturedRequestAttributes> {

	@Override
	public Object key() {
		return RequestAttributesThreadLocalAccessor.KEY;
	}

	@Override
	public @Nullable CapturedRequestAttributes getValue() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null) ? new CapturedRequestAttributes(attributes, detach(attributes)) : null;
	}

	private static RequestAttributes detach(RequestAttributes attributes) {
		if (attributes instanceof ServletRequestAttributes servletAttributes) {
			HttpServletRequest request = servletAttributes.getRequest();
			if (!(request instanceof DetachedHttpServletRequest)) {
				try {
					return new ServletRequestAttributes(new DetachedHttpServletRequest(request));
				}
				catch (RuntimeException ex) {
					// a recycled or unusual request must not fail the submission: pass it on as
					// Spring's accessor would
				}
			}
		}
		return attributes;
	}

	@Override
	public void setValue(CapturedRequestAttributes value) {
		RequestContextHolder.setRequestAttributes(value.detached());
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
	 * A thread's request attributes and the copy that tasks get.
	 *
	 * @param attributes the attributes the thread held
	 * @param detached the attributes tasks see: over a copy of the request for servlet
	 * request attributes, else the same attributes
	 */
	public record CapturedRequestAttributes(RequestAttributes attributes, RequestAttributes detached) {

	}

}
