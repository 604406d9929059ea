/**
 * JMH benchmarks of managed executors against the executors a Spring user would
 * otherwise pick, and the report that runs them side by side.
 */
@NullMarked
package dev.executor.benchmarks;

import org.jspecify.annotations.NullMarked;
