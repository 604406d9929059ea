package dev.executor.process;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The queue of a {@link ProcessPool}: a thread that has just finished a task polls it for
 * a moment before it blocks. In a caller that submits a task, waits for it and submits
 * the next, the thread (and worker) that just answered takes the next task while it is
 * still running, instead of waking an idle one.
 *
 * @param <E> the element type
 */
final class SpinningQueue<E> extends LinkedBlockingQueue<E> {

	SpinningQueue() {
	}

	SpinningQueue(int capacity) {
		super(capacity);
	}

	@Override
	public E take() throws InterruptedException {
		E element = spinPoll();
		return (element != null) ? element : super.take();
	}

	@Override
	public @Nullable E poll(long timeout, TimeUnit unit) throws InterruptedException {
		E element = spinPoll();
		return (element != null) ? element : super.poll(timeout, unit);
	}

	private @Nullable E spinPoll() {
		long deadline = System.nanoTime() + WorkerProtocol.SPIN_NANOS;
		do {
			E element = poll();
			if (element != null) {
				return element;
			}
			Thread.yield();
		}
		while (System.nanoTime() - deadline < 0);
		return null;
	}

}
