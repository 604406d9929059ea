/**
 * The {@code hazelcast} executor type: tasks are serialised and run by Hazelcast's
 * {@code IExecutorService} on the members of a cluster.
 */
@NullMarked
package dev.executor.hazelcast;

import org.jspecify.annotations.NullMarked;
