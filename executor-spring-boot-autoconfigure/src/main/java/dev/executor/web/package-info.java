/**
 * Answers that web applications give when an executor refuses a request's work.
 */
@NullMarked
package dev.executor.web;

import org.jspecify.annotations.NullMarked;
