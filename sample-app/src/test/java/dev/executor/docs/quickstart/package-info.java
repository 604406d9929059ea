/**
 * The Quick start of the README: a whole application.
 */
@NullMarked
package dev.executor.docs.quickstart;

import org.jspecify.annotations.NullMarked;
