/**
 * Extension points: what applications and libraries implement to plug in pools
 * ({@link dev.executor.spi.ExecutorBackend}), stored-future stores
 * ({@link dev.executor.spi.StoredFuturesFactory},
 * {@link dev.executor.spi.ResubmittingStoredFutures}) and listeners of tasks
 * ({@link dev.executor.spi.TaskObserver}), and what pools implement to tell the executor
 * what they can do ({@link dev.executor.spi.TaskAdapter},
 * {@link dev.executor.spi.RemoteTaskPool}).
 */
@NullMarked
package dev.executor.spi;

import org.jspecify.annotations.NullMarked;
