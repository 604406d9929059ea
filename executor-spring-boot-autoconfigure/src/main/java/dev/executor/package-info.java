/**
 * Public API of managed executors: {@link dev.executor.ManagedExecutor},
 * {@link dev.executor.FutureProxy}, {@link dev.executor.StoredFutures} and the
 * {@link dev.executor.ManagedExecutors} registry.
 */
@NullMarked
package dev.executor;

import org.jspecify.annotations.NullMarked;
