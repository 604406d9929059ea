package dev.executor.context.web;

import java.io.BufferedReader;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.MappingMatch;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A read-only copy of an {@link HttpServletRequest}, taken when a task is submitted, that
 * a task can read after the container has recycled the original request: the request
 * line, headers, parameters, cookies, locales, attributes, user principal, connection
 * details and servlet mapping. Reading the parameters of a form post while copying
 * reads its body, if nothing had read it yet.
 * <p>
 * Not copied: the body and its parts, which fail to be read; roles, which
 * {@link #isUserInRole(String)} cannot check (use the propagated security context);
 * the response. The attributes are a copy of their own: setting one is seen by the task
 * that holds this copy, and by the tasks that it submits, never by the original request
 * nor by other copies. The session
 * is the original one, if the request had one; the copy cannot create one.
 * <p>
 * Copies taken while the request's attributes stay the same share one frozen copy of
 * them, and a copy makes its attributes its own only when they are first set or
 * removed on it, so that many tasks submitted from one request do not copy every
 * attribute each.
 */
public final class DetachedHttpServletRequest implements HttpServletRequest {

	private static final String SNAPSHOT_ATTRIBUTE = DetachedHttpServletRequest.class.getName() + ".snapshot";

	private final Snapshot snapshot;

	// the attributes shared with the other copies of the request, until this copy's own
	// are set or removed: then a map of its own
	private volatile Map<String, Object> attributes;

	/**
	 * Copy the given request. What cannot change while a request is handled (request
	 * line, headers, parameters, cookies, ...) is copied once per request and shared by
	 * its copies; the attributes are compared with those of the previous copy, and
	 * copied again only if they changed.
	 * @param request the request, still in use
	 */
	public DetachedHttpServletRequest(HttpServletRequest request) {
		this.snapshot = Snapshot.of(request);
		this.attributes = this.snapshot.attributes(request);
	}

	private DetachedHttpServletRequest(Snapshot snapshot, Map<String, Object> attributes) {
		this.snapshot = snapshot;
		this.attributes = attributes;
	}

	/**
	 * Return a new copy of the request as this copy holds it, with attributes of its own
	 * that it shares with this copy until either sets or removes one.
	 * @return the new copy
	 */
	DetachedHttpServletRequest copy() {
		Map<String, Object> attributes = this.attributes;
		return new DetachedHttpServletRequest(this.snapshot, (attributes instanceof ConcurrentHashMap)
				? Collections.unmodifiableMap(new LinkedHashMap<>(attributes)) : attributes);
	}

	/**
	 * Return whether copying the given request now would copy what this copy holds: it
	 * is a copy of that request, and the request holds the very same attributes.
	 * @param request a request
	 * @return whether this copy is a current copy of the request
	 */
	boolean isCurrentCopyOf(HttpServletRequest request) {
		return request == this.snapshot.source && Snapshot.holds(request, this.attributes);
	}

	// the first write on this copy makes the shared attributes its own
	private Map<String, Object> ownAttributes() {
		Map<String, Object> attributes = this.attributes;
		if (attributes instanceof ConcurrentHashMap) {
			return attributes;
		}
		synchronized (this) {
			if (!(this.attributes instanceof ConcurrentHashMap)) {
				this.attributes = new ConcurrentHashMap<>(this.attributes);
			}
			return this.attributes;
		}
	}

	private static Cookie @Nullable [] copy(Cookie @Nullable [] cookies) {
		if (cookies == null) {
			return null;
		}
		Cookie[] copy = new Cookie[cookies.length];
		for (int i = 0; i < cookies.length; i++) {
			copy[i] = (Cookie) cookies[i].clone();
		}
		return copy;
	}

	@Override
	public String getMethod() {
		return this.snapshot.line.method();
	}

	@Override
	public String getRequestURI() {
		return this.snapshot.line.requestUri();
	}

	@Override
	public StringBuffer getRequestURL() {
		return new StringBuffer(this.snapshot.line.requestUrl());
	}

	@Override
	public String getContextPath() {
		return this.snapshot.line.contextPath();
	}

	@Override
	public String getServletPath() {
		return this.snapshot.line.servletPath();
	}

	@Override
	public @Nullable String getPathInfo() {
		return this.snapshot.line.pathInfo();
	}

	@Override
	public @Nullable String getPathTranslated() {
		return this.snapshot.line.pathTranslated();
	}

	@Override
	public @Nullable String getQueryString() {
		return this.snapshot.line.queryString();
	}

	@Override
	public String getProtocol() {
		return this.snapshot.line.protocol();
	}

	@Override
	public String getScheme() {
		return this.snapshot.line.scheme();
	}

	@Override
	public String getServerName() {
		return this.snapshot.line.serverName();
	}

	@Override
	public int getServerPort() {
		return this.snapshot.line.serverPort();
	}

	@Override
	public boolean isSecure() {
		return this.snapshot.line.secure();
	}

	@Override
	public DispatcherType getDispatcherType() {
		return this.snapshot.line.dispatcherType();
	}

	@Override
	public String getRequestId() {
		return this.snapshot.line.requestId();
	}

	@Override
	public String getProtocolRequestId() {
		return this.snapshot.line.protocolRequestId();
	}

	@Override
	public @Nullable String getHeader(String name) {
		return this.snapshot.headers.getFirst(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return Collections.enumeration(this.snapshot.headers.getOrEmpty(name));
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections.enumeration(this.snapshot.headers.headerNames());
	}

	@Override
	public long getDateHeader(String name) {
		return this.snapshot.headers.getFirstDate(name);
	}

	@Override
	public int getIntHeader(String name) {
		String value = getHeader(name);
		return (value != null) ? Integer.parseInt(value) : -1;
	}

	@Override
	public @Nullable String getContentType() {
		return this.snapshot.line.contentType();
	}

	@Override
	public int getContentLength() {
		long length = getContentLengthLong();
		return (length <= Integer.MAX_VALUE) ? (int) length : -1;
	}

	@Override
	public long getContentLengthLong() {
		return this.snapshot.line.contentLength();
	}

	@Override
	public @Nullable String getCharacterEncoding() {
		return this.snapshot.line.characterEncoding();
	}

	@Override
	public void setCharacterEncoding(String encoding) {
		throw new UnsupportedOperationException("The copy of a request is read-only");
	}

	@Override
	public @Nullable String getParameter(String name) {
		String[] values = this.snapshot.parameters.get(name);
		return (values != null && values.length > 0) ? values[0] : null;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(this.snapshot.parameters.keySet());
	}

	@Override
	public String @Nullable [] getParameterValues(String name) {
		String[] values = this.snapshot.parameters.get(name);
		return (values != null) ? values.clone() : null;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return this.snapshot.parameters;
	}

	@Override
	public @Nullable Object getAttribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public Enumeration<String> getAttributeNames() {
		return Collections.enumeration(List.copyOf(this.attributes.keySet()));
	}

	@Override
	public void setAttribute(String name, @Nullable Object value) {
		if (value != null) {
			ownAttributes().put(name, value);
		}
		else {
			removeAttribute(name);
		}
	}

	@Override
	public void removeAttribute(String name) {
		if (this.attributes.containsKey(name)) {
			ownAttributes().remove(name);
		}
	}

	@Override
	public Cookie @Nullable [] getCookies() {
		return copy(this.snapshot.cookies);
	}

	@Override
	public Locale getLocale() {
		return this.snapshot.locales.isEmpty() ? Locale.getDefault() : this.snapshot.locales.get(0);
	}

	@Override
	public Enumeration<Locale> getLocales() {
		return Collections.enumeration(this.snapshot.locales);
	}

	@Override
	public @Nullable String getRemoteAddr() {
		return this.snapshot.client.remoteAddr();
	}

	@Override
	public @Nullable String getRemoteHost() {
		return this.snapshot.client.remoteHost();
	}

	@Override
	public int getRemotePort() {
		return this.snapshot.client.remotePort();
	}

	@Override
	public @Nullable String getLocalName() {
		return this.snapshot.client.localName();
	}

	@Override
	public @Nullable String getLocalAddr() {
		return this.snapshot.client.localAddr();
	}

	@Override
	public int getLocalPort() {
		return this.snapshot.client.localPort();
	}

	@Override
	public @Nullable String getAuthType() {
		return this.snapshot.client.authType();
	}

	@Override
	public @Nullable String getRemoteUser() {
		return this.snapshot.client.remoteUser();
	}

	@Override
	public @Nullable Principal getUserPrincipal() {
		return this.snapshot.client.userPrincipal();
	}

	@Override
	public boolean isUserInRole(String role) {
		throw new UnsupportedOperationException(
				"The copy of a request cannot check roles; check the authorities of the propagated SecurityContext");
	}

	@Override
	public @Nullable String getRequestedSessionId() {
		return this.snapshot.client.requestedSessionId();
	}

	@Override
	public boolean isRequestedSessionIdValid() {
		return this.snapshot.client.requestedSessionIdValid();
	}

	@Override
	public boolean isRequestedSessionIdFromCookie() {
		return this.snapshot.client.requestedSessionIdFromCookie();
	}

	@Override
	public boolean isRequestedSessionIdFromURL() {
		return this.snapshot.client.requestedSessionIdFromUrl();
	}

	@Override
	public @Nullable HttpSession getSession(boolean create) {
		if (this.snapshot.session == null && create) {
			throw new IllegalStateException("The copy of a request cannot create a session");
		}
		return this.snapshot.session;
	}

	@Override
	public HttpSession getSession() {
		HttpSession session = getSession(true);
		if (session == null) {
			throw new IllegalStateException("The copy of a request cannot create a session");
		}
		return session;
	}

	@Override
	public String changeSessionId() {
		throw new IllegalStateException("The copy of a request cannot change the session id");
	}

	@Override
	public HttpServletMapping getHttpServletMapping() {
		return this.snapshot.mapping;
	}

	@Override
	public ServletConnection getServletConnection() {
		return this.snapshot.connection;
	}

	@Override
	public Map<String, String> getTrailerFields() {
		return this.snapshot.trailerFields;
	}

	@Override
	public boolean isTrailerFieldsReady() {
		return true;
	}

	@Override
	public @Nullable ServletContext getServletContext() {
		return this.snapshot.servletContext;
	}

	@Override
	public ServletInputStream getInputStream() {
		throw new IllegalStateException("The body of a request is not copied");
	}

	@Override
	public BufferedReader getReader() {
		throw new IllegalStateException("The body of a request is not copied");
	}

	@Override
	public Collection<Part> getParts() {
		throw new IllegalStateException("The body of a request is not copied");
	}

	@Override
	public Part getPart(String name) {
		throw new IllegalStateException("The body of a request is not copied");
	}

	@Override
	public @Nullable RequestDispatcher getRequestDispatcher(String path) {
		return null;
	}

	@Override
	public AsyncContext startAsync() {
		throw new IllegalStateException("The copy of a request does not support asynchronous processing");
	}

	@Override
	public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
		throw new IllegalStateException("The copy of a request does not support asynchronous processing");
	}

	@Override
	public boolean isAsyncStarted() {
		return false;
	}

	@Override
	public boolean isAsyncSupported() {
		return false;
	}

	@Override
	public AsyncContext getAsyncContext() {
		throw new IllegalStateException("The copy of a request does not support asynchronous processing");
	}

	@Override
	public boolean authenticate(HttpServletResponse response) throws ServletException {
		throw new ServletException("The copy of a request cannot authenticate");
	}

	@Override
	public void login(String username, String password) throws ServletException {
		throw new ServletException("The copy of a request cannot log in");
	}

	@Override
	public void logout() throws ServletException {
		throw new ServletException("The copy of a request cannot log out");
	}

	@Override
	public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
		throw new UnsupportedOperationException("The copy of a request cannot be upgraded");
	}

	@Override
	public String toString() {
		return "DetachedHttpServletRequest[" + getMethod() + " " + getRequestURI() + "]";
	}

	private record RequestLine(String method, String requestUri, String requestUrl, String contextPath,
			String servletPath, @Nullable String pathInfo, @Nullable String pathTranslated,
			@Nullable String queryString, String protocol, String scheme, String serverName, int serverPort,
			boolean secure, DispatcherType dispatcherType, String requestId, String protocolRequestId,
			@Nullable String contentType, long contentLength, @Nullable String characterEncoding) {

		static RequestLine of(HttpServletRequest request) {
			return new RequestLine(request.getMethod(), request.getRequestURI(),
					request.getRequestURL().toString(), request.getContextPath(), request.getServletPath(),
					request.getPathInfo(), request.getPathTranslated(), request.getQueryString(),
					request.getProtocol(), request.getScheme(), request.getServerName(), request.getServerPort(),
					request.isSecure(), request.getDispatcherType(), request.getRequestId(),
					request.getProtocolRequestId(), request.getContentType(), request.getContentLengthLong(),
					request.getCharacterEncoding());
		}

	}

	private record Client(@Nullable String remoteAddr, @Nullable String remoteHost, int remotePort,
			@Nullable String localName, @Nullable String localAddr, int localPort, @Nullable String authType,
			@Nullable String remoteUser, @Nullable Principal userPrincipal, @Nullable String requestedSessionId,
			boolean requestedSessionIdValid, boolean requestedSessionIdFromCookie,
			boolean requestedSessionIdFromUrl) {

		static Client of(HttpServletRequest request) {
			return new Client(request.getRemoteAddr(), request.getRemoteHost(), request.getRemotePort(),
					request.getLocalName(), request.getLocalAddr(), request.getLocalPort(), request.getAuthType(),
					request.getRemoteUser(), request.getUserPrincipal(), request.getRequestedSessionId(),
					request.isRequestedSessionIdValid(), request.isRequestedSessionIdFromCookie(),
					request.isRequestedSessionIdFromURL());
		}

	}

	private record Mapping(String matchValue, String pattern, String servletName,
			@Nullable MappingMatch mappingMatch) implements HttpServletMapping {

		static Mapping of(HttpServletMapping mapping) {
			return new Mapping(mapping.getMatchValue(), mapping.getPattern(), mapping.getServletName(),
					mapping.getMappingMatch());
		}

		@Override
		public String getMatchValue() {
			return this.matchValue;
		}

		@Override
		public String getPattern() {
			return this.pattern;
		}

		@Override
		public String getServletName() {
			return this.servletName;
		}

		@Override
		public @Nullable MappingMatch getMappingMatch() {
			return this.mappingMatch;
		}

	}

	private record Connection(String connectionId, String protocol, String protocolConnectionId,
			boolean secure) implements ServletConnection {

		static Connection of(ServletConnection connection) {
			return new Connection(connection.getConnectionId(), connection.getProtocol(),
					connection.getProtocolConnectionId(), connection.isSecure());
		}

		@Override
		public String getConnectionId() {
			return this.connectionId;
		}

		@Override
		public String getProtocol() {
			return this.protocol;
		}

		@Override
		public String getProtocolConnectionId() {
			return this.protocolConnectionId;
		}

		@Override
		public boolean isSecure() {
			return this.secure;
		}

	}


	/**
	 * What a copy keeps of a request that cannot change while the request is handled,
	 * cached on the request for its next copy.
	 */
	private static final class Snapshot {

		private final HttpServletRequest source;

		private final RequestLine line;

		private final HttpHeaders headers = new HttpHeaders();

		private final Map<String, String[]> parameters;

		private final Cookie @Nullable [] cookies;

		private final List<Locale> locales;

		private final Client client;

		private final @Nullable HttpSession session;

		private final HttpServletMapping mapping;

		private final ServletConnection connection;

		private final Map<String, String> trailerFields;

		private final @Nullable ServletContext servletContext;

		// the attributes of the latest copy, frozen, for the next copy if they are unchanged
		private volatile Map<String, Object> attributes = Map.of();

		private Snapshot(HttpServletRequest request) {
			this.source = request;
			this.line = RequestLine.of(request);
			for (String name : Collections.list(request.getHeaderNames())) {
				Collections.list(request.getHeaders(name)).forEach((value) -> this.headers.add(name, value));
			}
			Map<String, String[]> parameters = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> parameters.put(name, values.clone()));
			this.parameters = Collections.unmodifiableMap(parameters);
			this.cookies = copy(request.getCookies());
			this.locales = List.copyOf(Collections.list(request.getLocales()));
			this.client = Client.of(request);
			this.session = request.getSession(false);
			this.mapping = Mapping.of(request.getHttpServletMapping());
			this.connection = Connection.of(request.getServletConnection());
			this.trailerFields = request.isTrailerFieldsReady() ? Map.copyOf(request.getTrailerFields()) : Map.of();
			this.servletContext = request.getServletContext();
		}

		static Snapshot of(HttpServletRequest request) {
			// the attribute may come from another wrapper of the same request: only reuse our own
			if (request.getAttribute(SNAPSHOT_ATTRIBUTE) instanceof Snapshot cached && cached.source == request) {
				return cached;
			}
			Snapshot snapshot = new Snapshot(request);
			request.setAttribute(SNAPSHOT_ATTRIBUTE, snapshot);
			return snapshot;
		}

		/**
		 * Return the request's attributes now, other than this snapshot: those of the
		 * previous copy if the request holds the very same objects under the same names,
		 * else a new frozen copy.
		 * @param request the request this snapshot was taken of
		 * @return the attributes, unmodifiable
		 */
		Map<String, Object> attributes(HttpServletRequest request) {
			Map<String, Object> previous = this.attributes;
			// one pass over the names, which the container copies for every listing
			Map<String, Object> current = new LinkedHashMap<>();
			boolean same = true;
			Enumeration<String> names = request.getAttributeNames();
			while (names.hasMoreElements()) {
				String name = names.nextElement();
				Object value = request.getAttribute(name);
				if (isCopied(name, value)) {
					current.put(name, value);
					same &= previous.get(name) == value;
				}
			}
			if (same && current.size() == previous.size()) {
				return previous;
			}
			Map<String, Object> frozen = Collections.unmodifiableMap(current);
			this.attributes = frozen;
			return frozen;
		}

		private static boolean holds(HttpServletRequest request, Map<String, Object> attributes) {
			int same = 0;
			Enumeration<String> names = request.getAttributeNames();
			while (names.hasMoreElements()) {
				String name = names.nextElement();
				Object value = request.getAttribute(name);
				if (!isCopied(name, value)) {
					continue;
				}
				if (attributes.get(name) != value) {
					return false;
				}
				same++;
			}
			return same == attributes.size();
		}

		// what a copy holds of a request's attributes: all but this snapshot
		private static boolean isCopied(String name, @Nullable Object value) {
			return value != null && !SNAPSHOT_ATTRIBUTE.equals(name);
		}

	}

}
