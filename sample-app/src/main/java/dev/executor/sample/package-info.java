/**
 * The sample application.
 */
@NullMarked
package dev.executor.sample;

import org.jspecify.annotations.NullMarked;
