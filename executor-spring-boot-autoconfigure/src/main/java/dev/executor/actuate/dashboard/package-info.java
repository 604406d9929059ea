/**
 * The executors dashboard: a page of the application that shows its executors and their
 * stored futures, read from the {@code executors} endpoint.
 */
@NullMarked
package dev.executor.actuate.dashboard;

import org.jspecify.annotations.NullMarked;
