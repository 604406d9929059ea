/**
 * Auto-configuration and configuration properties for managed executors.
 */
@NullMarked
package dev.executor.autoconfigure;

import org.jspecify.annotations.NullMarked;
