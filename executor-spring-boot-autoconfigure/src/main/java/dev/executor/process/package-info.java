/**
 * The {@code process} executor type: tasks are serialised and run in a pool of worker
 * JVMs, one task per worker at a time, so that a task that crashes, leaks or hangs takes
 * down only its own worker.
 */
@NullMarked
package dev.executor.process;

import org.jspecify.annotations.NullMarked;
