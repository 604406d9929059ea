package dev.executor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of a {@link Job} method whose argument is the key to store the
 * future under, so that the caller chooses the key at the call site:
 * <pre class="code">
 * &#64;Job(executor = "reports")
 * public FutureProxy&lt;Report&gt; render(&#64;JobKey String key, String name) { ... }
 *
 * reportService.render("report-42", "sales");
 * </pre>
 * A method may have at most one such parameter, of type {@code String}, and then no
 * {@link Job#key()} expression.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JobKey {

}
