package dev.executor.context.web;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DetachedHttpServletRequest}.
 */
class DetachedHttpServletRequestTests {

	private final MockHttpServletRequest original = request();

	@Test
	void copyShouldKeepTheRequestLine() {
		DetachedHttpServletRequest copy = new DetachedHttpServletRequest(this.original);
		assertThat(copy.getMethod()).isEqualTo("POST");
		assertThat(copy.getRequestURI()).isEqualTo("/app/reports/7");
		assertThat(copy.getRequestURL()).hasToString("https://example.org:8443/app/reports/7");
		assertThat(copy.getContextPath()).isEqualTo("/app");
		assertThat(copy.getQueryString()).isEqualTo("format=pdf");
		assertThat(copy.isSecure()).isTrue();
		assertThat(copy.getRemoteAddr()).isEqualTo("192.0.2.1");
	}

	@Test
	void copyShouldKeepHeadersWhateverTheirCase() {
		DetachedHttpServletRequest copy = new DetachedHttpServletRequest(this.original);
		assertThat(copy.getHeader("x-note")).isEqualTo("first");
		assertThat(Collections.list(copy.getHeaders("X-Note"))).containsExactly("first", "second");
		assertThat(copy.getIntHeader("X-Count")).isEqualTo(3);
		assertThat(copy.getIntHeader("X-Missing")).isEqualTo(-1);
		assertThat(copy.getDateHeader("If-Modified-Since")).isEqualTo(784111777000L);
		assertThat(Collections.list(copy.getHeaderNames())).contains("X-Note", "X-Count", "Accept-Language");
	}

	@Test
	void copyShouldKeepParametersCookiesAndLocales() {
		DetachedHttpServletRequest copy = new DetachedHttpServletRequest(this.original);
		assertThat(copy.getParameter("format")).isEqualTo("pdf");
		assertThat(copy.getParameterValues("tag")).containsExactly("a", "b");
		assertThat(copy.getParameterMap()).containsOnlyKeys("format", "tag");
		assertThat(copy.getCookies()).extracting(Cookie::getValue).containsExactly("dark");
		assertThat(copy.getLocale()).isEqualTo(Locale.CANADA_FRENCH);
	}

	@Test
	void copyShouldNotSeeChangesToTheOriginal() {
		DetachedHttpServletRequest copy = new DetachedHttpServletRequest(this.original);
		this.original.removeHeader("X-Note");
		this.original.removeAllParameters();
		this.original.removeAttribute("route");
		this.original.getCookies()[0].setValue("light");
		assertThat(copy.getHeader("X-Note")).isEqualTo("first");
		assertThat(copy.getParameter("format")).isEqualTo("pdf");
		assertThat(copy.getAttribute("route")).isEqualTo("/reports/{id}");
		assertThat(copy.getCookies()[0].getValue()).isEqualTo("dark");
	}

	@Test
	void copiesOfUnchangedAttributesShouldShareThemUntilOneIsSet() {
		DetachedHttpServletRequest first = new DetachedHttpServletRequest(this.original);
		DetachedHttpServletRequest second = new DetachedHttpServletRequest(this.original);
		first.setAttribute("result", 42);
		second.removeAttribute("route");
		assertThat(first.getAttribute("route")).isEqualTo("/reports/{id}");
		assertThat(second.getAttribute("result")).isNull();
		assertThat(second.getAttribute("route")).isNull();
		assertThat(new DetachedHttpServletRequest(this.original).getAttribute("route")).isEqualTo("/reports/{id}");
		assertThat(Collections.list(first.getAttributeNames())).containsExactlyInAnyOrder("route", "result");
	}

	@Test
	void copyOfACopyShouldStartFromItsAttributesAndKeepItsOwn() {
		DetachedHttpServletRequest first = new DetachedHttpServletRequest(this.original);
		first.setAttribute("result", 42);
		DetachedHttpServletRequest second = first.copy();
		second.setAttribute("result", 43);
		first.removeAttribute("route");
		assertThat(second.getAttribute("route")).isEqualTo("/reports/{id}");
		assertThat(second.getAttribute("result")).isEqualTo(43);
		assertThat(first.getAttribute("result")).isEqualTo(42);
		assertThat(first.copy().getAttribute("route")).isNull();
		assertThat(second.isCurrentCopyOf(this.original)).isFalse();
		assertThat(new DetachedHttpServletRequest(this.original).isCurrentCopyOf(this.original)).isTrue();
	}

	@Test
	void copyShouldSeeAttributesChangedSinceThePreviousCopy() {
		new DetachedHttpServletRequest(this.original);
		this.original.setAttribute("added", "yes");
		assertThat(Collections.list(new DetachedHttpServletRequest(this.original).getAttributeNames()))
			.containsExactlyInAnyOrder("route", "added");
		this.original.setAttribute("route", "/other/{id}");
		assertThat(new DetachedHttpServletRequest(this.original).getAttribute("route")).isEqualTo("/other/{id}");
		this.original.removeAttribute("added");
		assertThat(Collections.list(new DetachedHttpServletRequest(this.original).getAttributeNames()))
			.containsExactly("route");
	}

	@Test
	void attributesSetOnTheCopyShouldStayInTheCopy() {
		DetachedHttpServletRequest copy = new DetachedHttpServletRequest(this.original);
		copy.setAttribute("result", 42);
		copy.setAttribute("route", null);
		assertThat(copy.getAttribute("result")).isEqualTo(42);
		assertThat(copy.getAttribute("route")).isNull();
		assertThat(this.original.getAttribute("result")).isNull();
		assertThat(this.original.getAttribute("route")).isEqualTo("/reports/{id}");
	}

	@Test
	void copyShouldKeepTheSessionButNotCreateOne() {
		MockHttpSession session = new MockHttpSession();
		this.original.setSession(session);
		assertThat(new DetachedHttpServletRequest(this.original).getSession(false)).isSameAs(session);
		DetachedHttpServletRequest withoutSession = new DetachedHttpServletRequest(request());
		assertThat(withoutSession.getSession(false)).isNull();
		assertThatIllegalStateException().isThrownBy(withoutSession::getSession)
			.withMessage("The copy of a request cannot create a session");
	}

	@Test
	void copyShouldRefuseWhatItCannotAnswer() {
		DetachedHttpServletRequest copy = new DetachedHttpServletRequest(this.original);
		assertThatIllegalStateException().isThrownBy(copy::getInputStream)
			.withMessage("The body of a request is not copied");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> copy.setCharacterEncoding("UTF-8"))
			.withMessage("The copy of a request is read-only");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> copy.isUserInRole("ADMIN"))
			.withMessage("The copy of a request cannot check roles; "
					+ "check the authorities of the propagated SecurityContext");
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/reports/7");
		request.setContextPath("/app");
		request.setScheme("https");
		request.setSecure(true);
		request.setServerName("example.org");
		request.setServerPort(8443);
		request.setQueryString("format=pdf");
		request.setRemoteAddr("192.0.2.1");
		request.addHeader("X-Note", "first");
		request.addHeader("X-Note", "second");
		request.addHeader("X-Count", "3");
		request.addHeader("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT");
		request.addHeader("Accept-Language", "fr-CA");
		request.addParameter("format", "pdf");
		request.addParameter("tag", "a", "b");
		request.setAttribute("route", "/reports/{id}");
		request.setCookies(new Cookie("theme", "dark"));
		return request;
	}

}
