/**
 * Propagation of Spring Web's request attributes into tasks, as a copy that outlives the
 * request.
 */
@NullMarked
package dev.executor.context.web;

import org.jspecify.annotations.NullMarked;
