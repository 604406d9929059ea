/**
 * Stored futures kept in the application's database ({@code futures.store=jdbc}), so
 * that every application instance sees them and they outlive a restart.
 */
@NullMarked
package dev.executor.jdbc;

import org.jspecify.annotations.NullMarked;
