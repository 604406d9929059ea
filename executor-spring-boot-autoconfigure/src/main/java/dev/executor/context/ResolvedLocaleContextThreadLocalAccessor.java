package dev.executor.context;

import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.LocaleContextThreadLocalAccessor;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;

/**
 * Propagates the {@link LocaleContextHolder locale context} like Spring's
 * {@link LocaleContextThreadLocalAccessor}, under the same key, but resolves the locale
 * and time zone when the context is captured. The locale context that Spring MVC's
 * {@code DispatcherServlet} holds for a request resolves them lazily from the request,
 * which the container recycles once the response is sent: a task that asked for the
 * locale then would fail.
 * <p>
 * Restoring a thread's previous context puts back the very object it held.
 */
public class ResolvedLocaleContextThreadLocalAccessor
		implements ReusableThreadLocalAccessor<ResolvedLocaleContextThreadLocalAccessor.CapturedLocaleContext> {

	@Override
	public Object key() {
		return LocaleContextThreadLocalAccessor.KEY;
	}

	@Override
	public @Nullable CapturedLocaleContext getValue() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		return (context != null) ? new CapturedLocaleContext(context, resolve(context)) : null;
	}

	// the context resolves its locale again, from a request that may have changed it
	@Override
	public boolean isCurrent(CapturedLocaleContext captured) {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		if (context != captured.context()) {
			return false;
		}
		try {
			return Objects.equals(context.getLocale(), captured.resolved().getLocale())
					&& Objects.equals(timeZoneOf(context), timeZoneOf(captured.resolved()));
		}
		catch (IllegalStateException ex) {
			// resolved from a request that is gone: capture again
			return false;
		}
	}

	private static @Nullable TimeZone timeZoneOf(LocaleContext context) {
		return (context instanceof TimeZoneAwareLocaleContext timeZoneAware) ? timeZoneAware.getTimeZone() : null;
	}

	private static LocaleContext resolve(LocaleContext context) {
		try {
			Locale locale = context.getLocale();
			if (context instanceof TimeZoneAwareLocaleContext timeZoneAware) {
				TimeZone timeZone = timeZoneAware.getTimeZone();
				return new SimpleTimeZoneAwareLocaleContext(locale, timeZone);
			}
			return new SimpleLocaleContext(locale);
		}
		catch (IllegalStateException ex) {
			// resolved from a request that is gone: nothing left to resolve
			return new SimpleLocaleContext(null);
		}
	}

	@Override
	public void setValue(CapturedLocaleContext value) {
		LocaleContextHolder.setLocaleContext(value.resolved());
	}

	@Override
	public void setValue() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Override
	public void restore(CapturedLocaleContext previousValue) {
		LocaleContextHolder.setLocaleContext(previousValue.context());
	}

	/**
	 * A thread's locale context and what it resolved to when it was captured.
	 *
	 * @param context the context the thread held
	 * @param resolved the context tasks get, with its locale and time zone resolved
	 */
	public record CapturedLocaleContext(LocaleContext context, LocaleContext resolved) {

	}

}
