/**
 * The wire format shared by the executor types whose tasks leave the submitting JVM
 * (worker processes and cluster members): serialisation of tasks, results and failures,
 * the submitter's context that travels with a task, and the outcomes the distributed
 * stores record for stored futures.
 */
@NullMarked
package dev.executor.remote;

import org.jspecify.annotations.NullMarked;
