package dev.executor.context;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * A {@link ThreadLocalAccessor} together with the name that
 * {@code executor.context.include} selects it by. Declare a bean of this type to
 * propagate a thread local of your own under a short name.
 *
 * @param name the name, for example {@code security}
 * @param accessor the accessor of the thread local
 */
public record NamedThreadLocalAccessor(String name, ThreadLocalAccessor<?> accessor) {

}
