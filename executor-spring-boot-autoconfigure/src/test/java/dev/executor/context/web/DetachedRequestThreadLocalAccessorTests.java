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
		assertThat(this.accessor.getValue().taskAttributes()).isSameAs(taskAttributes);
	}

	@Test
	void eachTaskShouldGetACopyOfItsOwnFromOneCapture() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/a");
		request.setAttribute("name", "before");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		CapturedRequestAttributes captured = this.accessor.getValue();
		this.accessor.setValue(captured);
		ServletRequestAttributes first = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
		first.getRequest().setAttribute("name", "set by the first task");
		this.accessor.setValue(captured);
		ServletRequestAttributes second = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
		assertThat(second).isNotSameAs(first);
		assertThat(second.getRequest()).isNotSameAs(first.getRequest());
		assertThat(second.getRequest().getAttribute("name")).isEqualTo("before");
		assertThat(request.getAttribute("name")).isEqualTo("before");
	}

	@Test
	void captureShouldStayCurrentWhileTheRequestAndItsAttributesAreTheSame() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/a");
		request.setAttribute("name", "value");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		CapturedRequestAttributes captured = this.accessor.getValue();
		assertThat(this.accessor.isCurrent(captured)).isTrue();
	}

	@Test
	void captureShouldNoLongerBeCurrentOnceAnAttributeChanged() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/a");
		request.setAttribute("name", "value");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		CapturedRequestAttributes captured = this.accessor.getValue();
		request.setAttribute("name", "changed");
		assertThat(this.accessor.isCurrent(captured)).isFalse();
		CapturedRequestAttributes added = this.accessor.getValue();
		request.setAttribute("other", "added");
		assertThat(this.accessor.isCurrent(added)).isFalse();
		CapturedRequestAttributes removed = this.accessor.getValue();
		request.removeAttribute("name");
		assertThat(this.accessor.isCurrent(removed)).isFalse();
	}

	@Test
	void captureShouldNoLongerBeCurrentOnAnotherRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", "/a")));
		CapturedRequestAttributes captured = this.accessor.getValue();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", "/a")));
		assertThat(this.accessor.isCurrent(captured)).isFalse();
		RequestContextHolder.resetRequestAttributes();
		assertThat(this.accessor.isCurrent(captured)).isFalse();
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
		assertThat(this.accessor.getValue().taskAttributes()).isSameAs(attributes);
	}

}
