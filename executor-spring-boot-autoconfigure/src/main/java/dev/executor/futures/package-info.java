/**
 * The in-memory registry of futures stored under a key.
 */
@NullMarked
package dev.executor.futures;

import org.jspecify.annotations.NullMarked;
