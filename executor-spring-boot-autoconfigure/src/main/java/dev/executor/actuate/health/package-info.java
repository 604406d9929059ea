/**
 * The health contributor {@code executors}.
 */
@NullMarked
package dev.executor.actuate.health;

import org.jspecify.annotations.NullMarked;
