package dev.executor;

/**
 * The figures of one {@link ManagedExecutor} at one moment, as
 * {@link ManagedExecutor#stats()} reads them: what the endpoint, the health indicator
 * and the meters show. The counts of running and queued tasks are read one after the
 * other while tasks come and go, so they are approximate, as those of
 * {@link java.util.concurrent.ThreadPoolExecutor} are.
 *
 * @param maxWorkers the maximum number of tasks that run at once
 * @param poolSize the number of workers the pool holds now, idle or busy
 * @param active the number of tasks running now
 * @param queued the number of tasks waiting for a worker
 * @param inFlight the number of tasks submitted that have not ended yet, queued, running
 * or finishing
 * @param completed the number of tasks that ran to their end, whatever their outcome
 * @param failed the number of tasks that failed or timed out
 * @param cancelled the number of tasks cancelled, before or while they ran
 * @param rejected the number of submissions rejected, because the queue was full or the
 * executor was shut down
 * @param retries the number of failed attempts that were followed by another attempt of
 * their task
 * @param storedFutures the number of futures stored under a key
 * @param full whether all workers are busy and the queue is at its capacity
 * @since 0.1.0
 */
public record ExecutorStats(int maxWorkers, int poolSize, int active, int queued, int inFlight, long completed,
		long failed, long cancelled, long rejected, long retries, int storedFutures, boolean full) {

	/**
	 * Return a builder of figures, all zero to begin with.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link ExecutorStats}; every figure not set is zero.
	 */
	public static final class Builder {

		private int maxWorkers;

		private int poolSize;

		private int active;

		private int queued;

		private int inFlight;

		private long completed;

		private long failed;

		private long cancelled;

		private long rejected;

		private long retries;

		private int storedFutures;

		private boolean full;

		private Builder() {
		}

		/**
		 * Set the maximum number of tasks that run at once.
		 * @param maxWorkers the maximum number of workers
		 * @return this builder
		 */
		public Builder maxWorkers(int maxWorkers) {
			this.maxWorkers = maxWorkers;
			return this;
		}

		/**
		 * Set the number of workers the pool holds now.
		 * @param poolSize the pool size
		 * @return this builder
		 */
		public Builder poolSize(int poolSize) {
			this.poolSize = poolSize;
			return this;
		}

		/**
		 * Set the number of tasks running now.
		 * @param active the number of running tasks
		 * @return this builder
		 */
		public Builder active(int active) {
			this.active = active;
			return this;
		}

		/**
		 * Set the number of tasks waiting for a worker.
		 * @param queued the number of queued tasks
		 * @return this builder
		 */
		public Builder queued(int queued) {
			this.queued = queued;
			return this;
		}

		/**
		 * Set the number of tasks that have not ended yet.
		 * @param inFlight the number of tasks in flight
		 * @return this builder
		 */
		public Builder inFlight(int inFlight) {
			this.inFlight = inFlight;
			return this;
		}

		/**
		 * Set the number of tasks that ran to their end.
		 * @param completed the number of completed tasks
		 * @return this builder
		 */
		public Builder completed(long completed) {
			this.completed = completed;
			return this;
		}

		/**
		 * Set the number of tasks that failed or timed out.
		 * @param failed the number of failed tasks
		 * @return this builder
		 */
		public Builder failed(long failed) {
			this.failed = failed;
			return this;
		}

		/**
		 * Set the number of tasks cancelled.
		 * @param cancelled the number of cancelled tasks
		 * @return this builder
		 */
		public Builder cancelled(long cancelled) {
			this.cancelled = cancelled;
			return this;
		}

		/**
		 * Set the number of rejected submissions.
		 * @param rejected the number of rejected tasks
		 * @return this builder
		 */
		public Builder rejected(long rejected) {
			this.rejected = rejected;
			return this;
		}

		/**
		 * Set the number of failed attempts that another attempt followed.
		 * @param retries the number of retries
		 * @return this builder
		 */
		public Builder retries(long retries) {
			this.retries = retries;
			return this;
		}

		/**
		 * Set the number of futures stored under a key.
		 * @param storedFutures the number of stored futures
		 * @return this builder
		 */
		public Builder storedFutures(int storedFutures) {
			this.storedFutures = storedFutures;
			return this;
		}

		/**
		 * Set whether all workers are busy and the queue is at its capacity.
		 * @param full whether the executor is full
		 * @return this builder
		 */
		public Builder full(boolean full) {
			this.full = full;
			return this;
		}

		/**
		 * Return the figures set so far.
		 * @return the figures
		 */
		public ExecutorStats build() {
			return new ExecutorStats(this.maxWorkers, this.poolSize, this.active, this.queued, this.inFlight,
					this.completed, this.failed, this.cancelled, this.rejected, this.retries, this.storedFutures,
					this.full);
		}

	}

}
