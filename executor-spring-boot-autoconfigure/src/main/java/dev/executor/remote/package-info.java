/**
 * The wire format shared by the executor types whose tasks leave the submitting JVM
 * (worker processes and cluster members): serialisation of tasks, results and failures,
 * and the submitter's context that travels with a task.
 */
@NullMarked
package dev.executor.remote;

import org.jspecify.annotations.NullMarked;
