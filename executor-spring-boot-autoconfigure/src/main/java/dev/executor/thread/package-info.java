/**
 * Thread-backed executor types: platform thread pools, virtual threads and custom
 * {@link java.util.concurrent.ExecutorService} classes.
 */
@NullMarked
package dev.executor.thread;

import org.jspecify.annotations.NullMarked;
