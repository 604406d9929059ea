/**
 * Propagation of Spring Security's {@code SecurityContext} into tasks.
 */
@NullMarked
package dev.executor.context.security;

import org.jspecify.annotations.NullMarked;
