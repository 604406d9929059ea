/**
 * The executor implementation shared by every executor type: task dispatch, futures,
 * cancellation, timeouts, failure reporting and shutdown.
 */
@NullMarked
package dev.executor.core;

import org.jspecify.annotations.NullMarked;
