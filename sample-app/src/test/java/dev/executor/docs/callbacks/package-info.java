/**
 * The examples of the observability guide's section on callbacks.
 */
@NullMarked
package dev.executor.docs.callbacks;

import org.jspecify.annotations.NullMarked;
