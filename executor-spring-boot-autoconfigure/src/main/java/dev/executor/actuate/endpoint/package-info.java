/**
 * The Actuator endpoint {@code executors}: executors, their stored futures and the
 * cancellation of a future.
 */
@NullMarked
package dev.executor.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
