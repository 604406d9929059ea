package dev.executor.actuate.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The executors dashboard: a page, its script and its style sheet under one path. The
 * page reads the {@code executors} endpoint from the browser, with the user's own
 * credentials, so that the endpoint's exposure, access, {@code show-values} and the
 * application's security hold for what the page shows and does. It loads nothing from
 * elsewhere, which its content security policy enforces.
 *
 * @since 0.1.0
 */
@ImportRuntimeHints(ExecutorsDashboard.ExecutorsDashboardRuntimeHints.class)
public class ExecutorsDashboard implements RouterFunction<ServerResponse> {

	private static final String LOCATION = "META-INF/executors-dashboard/";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'self'";

	private final String path;

	private final Supplier<@Nullable String> endpointPath;

	private final String page;

	private final RouterFunction<ServerResponse> routes;

	/**
	 * Create a dashboard served at the given path.
	 * @param path the path of the page, such as {@code /executors-dashboard}
	 * @param endpointPath returns the path of the {@code executors} endpoint, such as
	 * {@code /actuator/executors}, or {@code null} while it is not exposed over HTTP
	 */
	public ExecutorsDashboard(String path, Supplier<@Nullable String> endpointPath) {
		this.path = normalize(path);
		this.endpointPath = endpointPath;
		this.page = read(LOCATION + "page.html");
		this.routes = RouterFunctions.route()
			.GET(this.path, this::page)
			.GET(this.path + "/", this::page)
			.resources(this.path + "/assets/**", new ClassPathResource(LOCATION + "assets/"))
			.build();
	}

	@Override
	public Optional<HandlerFunction<ServerResponse>> route(ServerRequest request) {
		return this.routes.route(request);
	}

	@Override
	public void accept(RouterFunctions.Visitor visitor) {
		this.routes.accept(visitor);
	}

	private ServerResponse page(ServerRequest request) {
		String prefix = request.requestPath().contextPath().value();
		String endpoint = this.endpointPath.get();
		String html = this.page.replace("{{base}}", HtmlUtils.htmlEscape(prefix + this.path))
			.replace("{{endpoint}}", (endpoint != null) ? HtmlUtils.htmlEscape(prefix + endpoint) : "");
		return ServerResponse.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.body(html);
	}

	// executors-dashboard and /executors-dashboard/ mean /executors-dashboard
	private static String normalize(String path) {
		String trimmed = path.strip().replaceAll("/+$", "");
		return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
	}

	private static String read(String location) {
		try (InputStream page = new ClassPathResource(location).getInputStream()) {
			return new String(page.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The dashboard page " + location + " cannot be read", ex);
		}
	}

	static class ExecutorsDashboardRuntimeHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			hints.resources().registerPattern(LOCATION + "page.html").registerPattern(LOCATION + "assets/*");
		}

	}

}
