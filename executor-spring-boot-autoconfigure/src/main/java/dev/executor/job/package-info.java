/**
 * Support for {@link dev.executor.Job @Job} methods: the proxy that submits their calls
 * to a managed executor.
 */
@NullMarked
package dev.executor.job;

import org.jspecify.annotations.NullMarked;
