/**
 * Capture of the submitting thread's context and its restoration around tasks and
 * callbacks.
 */
@NullMarked
package dev.executor.context;

import org.jspecify.annotations.NullMarked;
