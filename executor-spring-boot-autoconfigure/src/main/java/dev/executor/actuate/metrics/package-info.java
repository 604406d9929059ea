/**
 * Micrometer meters of every executor and its tasks.
 */
@NullMarked
package dev.executor.actuate.metrics;

import org.jspecify.annotations.NullMarked;
