/**
 * Propagation of logging context.
 */
@NullMarked
package dev.executor.context.logging;

import org.jspecify.annotations.NullMarked;
