package dev.executor.context.web;

import dev.executor.context.web.DetachedRequestThreadLocalAccessor.CapturedRequestAttributes;
import jakarta.servlet.ServletConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DetachedRequestThreadLocalAccessor}.
 */
class DetachedRequestThreadLocalAccessorTests {

	private final DetachedRequestThreadLocalAccessor accessor = new DetachedRequestThreadLocalAccessor();

	@AfterEach
	void reset() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void captureShouldHandTasksACopyOfTheRequest() {
		ServletRequestAttributes attributes = new ServletRequestAttributes(new MockHttpServletRequest("GET", "/a"));
		RequestContextHolder.setRequestAttributes(attributes);
		CapturedRequestAttributes captured = this.accessor.getValue();
		this.accessor.setValue(captured);
		assertThat(((ServletRequestAttributes) RequestContextHolder.getRequestAttributes()).getRequest())
			.isInstanceOf(DetachedHttpServletRequest.class)
			.extracting((request) -> request.getRequestURI())
			.isEqualTo("/a");
	}

	@Test
	void captureOfATaskShouldReuseItsCopy() {
		ServletRequestAttributes attributes = new ServletRequestAttributes(new MockHttpServletRequest("GET", "/a"));
		RequestContextHolder.setRequestAttributes(attributes);
		this.accessor.setValue(this.accessor.getValue());
		Object taskAttributes = RequestContextHolder.getRequestAttributes();
		assertThat(this.accessor.getValue().detached()).isSameAs(taskAttributes);
	}

	@Test
	void restoreShouldPutBackTheVeryAttributesTheThreadHeld() {
		ServletRequestAttributes attributes = new ServletRequestAttributes(new MockHttpServletRequest("GET", "/a"));
		RequestContextHolder.setRequestAttributes(attributes);
		CapturedRequestAttributes previous = this.accessor.getValue();
		this.accessor.setValue(previous);
		this.accessor.restore(previous);
		assertThat(RequestContextHolder.getRequestAttributes()).isSameAs(attributes);
	}

	@Test
	void requestThatCannotBeCopiedShouldBePassedOnAsItIs() {
		MockHttpServletRequest unusual = new MockHttpServletRequest("GET", "/a") {

			@Override
			public ServletConnection getServletConnection() {
				throw new UnsupportedOperationException();
			}

		};
		ServletRequestAttributes attributes = new ServletRequestAttributes(unusual);
		RequestContextHolder.setRequestAttributes(attributes);
		assertThat(this.accessor.getValue().detached()).isSameAs(attributes);
	}

}
