package dev.executor.benchmarks;

import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The context of a request thread: request attributes, an authenticated user and MDC
 * entries.
 */
final class Contexts {

	private Contexts() {
	}

	static void enterRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/reports/42");
		request.addHeader("X-Request-Id", "bench-1");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
					AuthorityUtils.createAuthorityList("ROLE_USER")));
		MDC.put("requestId", "bench-1");
		MDC.put("user", "alice");
	}

	static void leaveRequest() {
		RequestContextHolder.resetRequestAttributes();
		SecurityContextHolder.clearContext();
		MDC.clear();
	}

}
