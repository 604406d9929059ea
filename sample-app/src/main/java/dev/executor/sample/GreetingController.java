package dev.executor.sample;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.executor.ManagedExecutor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Endpoints that start a greeting in the background and fetch it later: the task reads
 * the locale and a header of the request that started it, whether or not the response
 * has been sent by then.
 */
@RestController
class GreetingController {

	private final ManagedExecutor executor;

	GreetingController(ManagedExecutor executor) {
		this.executor = executor;
	}

	// tag::greeting[]
	@PostMapping("/greetings/{name}")
	String start(@PathVariable String name) {
		this.executor.submitStored("greeting-" + name, () -> greeting(name));
		return "greeting-" + name;
	}
	// end::greeting[]

	@GetMapping("/greetings/{name}")
	String result(@PathVariable String name) throws Exception {
		return this.executor.futures().<String>get("greeting-" + name).orElseThrow().get(5, TimeUnit.SECONDS);
	}

	// tag::greeting[]
	private static String greeting(String name) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		return "Hello " + name + ", in " + LocaleContextHolder.getLocale().getDisplayLanguage(Locale.ENGLISH)
				+ ", from " + request.getHeader("X-Client");
	}
	// end::greeting[]

}
