/**
 * The documentation's examples, and the check that keeps every snippet in
 * {@code README.md} and {@code docs/} equal to the code it was taken from.
 */
@NullMarked
package dev.executor.docs;

import org.jspecify.annotations.NullMarked;
