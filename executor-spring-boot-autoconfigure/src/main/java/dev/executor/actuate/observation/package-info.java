/**
 * Micrometer observations around tasks, so that traces show a span for each.
 */
@NullMarked
package dev.executor.actuate.observation;

import org.jspecify.annotations.NullMarked;
