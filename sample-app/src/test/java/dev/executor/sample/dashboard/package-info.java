/**
 * Tests of the executors dashboard in a real browser.
 */
@NullMarked
package dev.executor.sample.dashboard;

import org.jspecify.annotations.NullMarked;
