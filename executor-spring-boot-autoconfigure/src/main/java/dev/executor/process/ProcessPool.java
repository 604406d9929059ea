package dev.executor.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.ExecutorSpec;
import dev.executor.ExecutorSpec.ProcessSpec;
import dev.executor.WorkerCrashedException;
import dev.executor.remote.Serialization;
import dev.executor.remote.TaskSerializer;
import dev.executor.process.WorkerProcess.ApplicationState;
import dev.executor.spi.ApplicationContextSource;
import dev.executor.spi.ApplicationContextTask;
import dev.executor.spi.InvalidExecutorPropertyException;
import dev.executor.spi.RemoteTaskPool;
import dev.executor.spi.TaskAdapter;
import dev.executor.spi.TaskQueues;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The pool of a {@code process} executor: {@code max-workers} threads in front of a queue,
 * each thread handing its tasks to a worker JVM of its own. Queueing, rejection, pool
 * figures and shutdown are those of {@link ThreadPoolExecutor}; a worker process lives as
 * long as its thread, so an idle timeout ends both, and shutting the pool down ends every
 * worker: the pool terminates once every worker process it started has ended.
 * <p>
 * Tasks are serialised when they are submitted (see {@link #adapt(Callable)}), together
 * with the submitting thread's MDC entries and Spring Security {@code Authentication}.
 * <p>
 * Workers start from the {@link WorkerArchive class data sharing archive} of their
 * command line once an {@link ArchiveTraining} run has written it. Once the pool knows
 * that it runs job calls ({@link #jobContext}), its workers start the application
 * context of those calls in the background, and workers start from a larger archive
 * that holds its classes too. Starting a context takes more than a processor, so no more
 * workers start theirs at once than half the processors (at least one): on a small
 * machine the first context is up sooner than if every worker started its own at once.
 * A job call goes to a worker whose context is up, or the furthest along, when one is
 * idle: the pool thread that took the call trades workers with that worker's thread.
 */
public class ProcessPool extends ThreadPoolExecutor implements TaskAdapter, RemoteTaskPool {

	private static final Log logger = LogFactory.getLog(ProcessPool.class);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final ExecutorSpec spec;

	private final Serialization serialization;

	private final WorkerCommand command;

	private final TaskSerializer serializer;

	private final Set<WorkerThread> threads = ConcurrentHashMap.newKeySet();

	// every worker process started here that has not ended: those the threads hold, and
	// those they stopped, which may still be ending, so that the pool terminates only once
	// none of its processes runs
	private final Set<WorkerProcess> processes = ConcurrentHashMap.newKeySet();

	private volatile boolean stoppingNow;

	private final AtomicInteger threadCount = new AtomicInteger();

	private final AtomicInteger workerCount = new AtomicInteger();

	private volatile byte @Nullable [] application;

	private final @Nullable WorkerArchive applicationArchive;

	private final int applicationStartsAtOnce;

	/**
	 * Create a pool and, unless {@code process.prestart} is off, start its workers.
	 * @param spec the executor's settings
	 * @param classLoader the class loader of results and exceptions coming back
	 * @throws InvalidExecutorPropertyException if prestarted workers cannot start
	 */
	public ProcessPool(ExecutorSpec spec, ClassLoader classLoader) {
		this(spec, classLoader, WorkerCommand.forCurrentApplication(spec.process()));
	}

	ProcessPool(ExecutorSpec spec, ClassLoader classLoader, WorkerCommand command) {
		this(spec, classLoader, command, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
	}

	ProcessPool(ExecutorSpec spec, ClassLoader classLoader, WorkerCommand command, int applicationStartsAtOnce) {
		super(spec.maxWorkers(), spec.maxWorkers(), keepAlive(spec.process()).toNanos(), TimeUnit.NANOSECONDS,
				TaskQueues.forCapacity(spec.queueCapacity(), SpinningQueue::new, SpinningQueue::new));
		this.spec = spec;
		this.serialization = new Serialization(classLoader);
		this.command = command;
		this.applicationArchive = command.applicationArchive(spec.name());
		this.applicationStartsAtOnce = applicationStartsAtOnce;
		this.serializer = new TaskSerializer(spec.name(), "a worker process");
		setThreadFactory(this::newThread);
		allowCoreThreadTimeOut(spec.process().idleTimeout() != null);
		if (spec.process().prestart()) {
			prestart();
		}
		createArchive();
	}

	private static Duration keepAlive(ProcessSpec process) {
		Duration idleTimeout = process.idleTimeout();
		return (idleTimeout != null) ? idleTimeout : Duration.ofSeconds(60);
	}

	private void prestart() {
		prestartAllCoreThreads();
		for (WorkerThread thread : this.threads) {
			try {
				thread.started().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				shutdownNow();
				throw startFailure(Objects.requireNonNull(ex.getCause()));
			}
			catch (TimeoutException ex) {
				logger.warn("Worker processes of executor '" + executorName() + "' are still starting after "
						+ START_TIMEOUT.toSeconds() + "s");
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	// after the prestarted workers, so that the training run does not slow them down
	private void createArchive() {
		WorkerArchive archive = this.command.archive();
		if (archive != null) {
			ArchiveTraining.startPlain(archive, this.command, this.serializer, executorName());
		}
	}

	// workers of an application that has run job calls before map the larger archive
	// that holds the classes of its context too
	private List<String> sharingOptions() {
		WorkerArchive application = this.applicationArchive;
		List<String> options = (application != null) ? application.options() : List.of();
		WorkerArchive plain = this.command.archive();
		return (options.isEmpty() && plain != null) ? plain.options() : options;
	}

	/**
	 * Handle a worker that ended before it greeted: if it was started with the class data
	 * sharing archive, the archive is discarded, since the JVM may fail on a damaged one,
	 * and the worker can be started again without it.
	 * @param worker the worker
	 * @return whether to start it again
	 */
	boolean notStarted(WorkerProcess worker) {
		for (WorkerArchive archive : new WorkerArchive[] { this.applicationArchive, this.command.archive() }) {
			if (archive != null && archive.isUsedBy(worker.command())) {
				archive.discard();
				return true;
			}
		}
		return false;
	}

	private InvalidExecutorPropertyException startFailure(Throwable cause) {
		String property = this.spec.propertyPrefix() + ".process.jvm-args";
		String reason = (cause instanceof WorkerCrashedException crash)
				? "worker process " + crash.getWorkerName() + " ended with exit code " + crash.getExitCode()
						+ " while starting: " + String.join(" / ", crash.getLastOutput())
				: "a worker process could not start: " + cause;
		return new InvalidExecutorPropertyException(property, this.spec.process().jvmArgs(), reason,
				"Check " + property + " and that the application's classes can be loaded by a new JVM started with "
						+ "the same class path");
	}

	private WorkerThread newThread(Runnable runnable) {
		WorkerThread thread = new WorkerThread(this, runnable,
				this.spec.threadNamePrefix() + this.threadCount.incrementAndGet());
		this.threads.add(thread);
		return thread;
	}

	/**
	 * Return the application context that the worker process running a job call creates
	 * from the application's {@code @SpringBootConfiguration} class, see
	 * {@link WorkerApplication}.
	 * @param beanFactory the bean factory of the submitting application
	 * @return the worker's application context
	 * @throws IllegalStateException if the application has no
	 * {@code @SpringBootConfiguration} class
	 */
	@Override
	public ApplicationContextSource jobContext(ConfigurableListableBeanFactory beanFactory) {
		WorkerApplication application = WorkerApplication.of(beanFactory);
		if (application == null) {
			throw new IllegalStateException("whose worker processes create the job's bean from the application's "
					+ "@SpringBootConfiguration class, but the application has none; start it from a "
					+ "@SpringBootApplication class");
		}
		startApplication(application);
		return application::context;
	}

	// job calls will come: every worker, running or still to start, starts the context
	// they need now, instead of at the first call; each job method of the pool asks
	private synchronized void startApplication(WorkerApplication application) {
		if (this.application != null) {
			return;
		}
		byte[] bytes;
		try {
			bytes = Serialization.serialize(application);
		}
		catch (IOException ex) {
			throw new IllegalStateException("whose worker processes cannot be told the application to start: " + ex,
					ex);
		}
		this.application = bytes;
		WorkerArchive archive = this.applicationArchive;
		if (archive != null) {
			ArchiveTraining.startWithApplication(archive, this.command, this.serializer, executorName(), application,
					bytes);
		}
		startApplications();
	}

	/**
	 * Let a new worker start the application context of job calls when its turn comes, if
	 * job calls run on this pool.
	 * @param worker the worker
	 */
	void offerApplication(WorkerProcess worker) {
		if (this.application != null) {
			startApplications();
		}
	}

	// called by a worker's output thread when the worker no longer starts its context
	private void applicationStartEnded(WorkerProcess worker) {
		if (!isShutdown()) {
			startApplications();
		}
	}

	// as many workers start their context at once as the processors allow
	private synchronized void startApplications() {
		byte[] bytes = this.application;
		if (bytes == null) {
			return;
		}
		List<WorkerProcess> waiting = new ArrayList<>();
		int starting = 0;
		for (WorkerThread thread : this.threads) {
			WorkerProcess worker = thread.worker();
			if (worker != null && worker.isAlive()) {
				ApplicationState state = worker.applicationState();
				if (state == ApplicationState.STARTING) {
					starting++;
				}
				else if (state == ApplicationState.NOT_ASKED) {
					waiting.add(worker);
				}
			}
		}
		for (int i = 0; i < waiting.size() && starting < this.applicationStartsAtOnce; i++, starting++) {
			waiting.get(i).startApplication(bytes);
		}
	}

	/**
	 * Find a worker for a job call that the given thread took, whose own worker has not
	 * started the application context yet: the worker of an idle thread that is further
	 * along, which the two threads trade. A worker whose turn has not come starts its
	 * context now, since a job call waits for it.
	 * @param thread the thread that took the job call and holds its worker
	 * @param current the thread's worker
	 * @return the worker to run the job call on, now the thread's own
	 */
	WorkerProcess workerForJobCall(WorkerThread thread, WorkerProcess current) {
		WorkerProcess chosen = current;
		if (current.applicationState() != ApplicationState.STARTED) {
			List<WorkerThread> others = new ArrayList<>();
			for (WorkerThread other : this.threads) {
				WorkerProcess candidate = other.worker();
				if (other != thread && candidate != null && furtherAlong(candidate, current)) {
					others.add(other);
				}
			}
			others.sort(Comparator.comparingInt((other) -> rank(other.worker())));
			for (WorkerThread other : others) {
				WorkerProcess candidate = other.trade(current);
				if (candidate != null) {
					chosen = candidate;
					break;
				}
			}
		}
		byte[] bytes = this.application;
		if (bytes != null && chosen.applicationState() == ApplicationState.NOT_ASKED) {
			chosen.startApplication(bytes);
		}
		return chosen;
	}

	/**
	 * Return whether a worker of another thread has gone further with the application
	 * context of job calls than the given one, and can run a job call.
	 * @param candidate the other thread's worker
	 * @param current the worker it would replace
	 * @return whether the candidate is the better one for a job call
	 */
	boolean furtherAlong(WorkerProcess candidate, WorkerProcess current) {
		return candidate.isAlive() && !usedUp(candidate) && rank(candidate) < rank(current);
	}

	private static int rank(@Nullable WorkerProcess worker) {
		if (worker == null) {
			return Integer.MAX_VALUE;
		}
		return switch (worker.applicationState()) {
			case STARTED -> 0;
			case STARTING -> 1;
			case NOT_ASKED, FAILED -> 2;
		};
	}

	boolean usedUp(WorkerProcess worker) {
		Integer maxTasks = maxTasksPerWorker();
		return maxTasks != null && worker.tasksRun() >= maxTasks;
	}

	/**
	 * Serialise a task for a worker process. The MDC entries and the
	 * {@code Authentication} that travel with it are taken when it runs, from the pool
	 * thread, which then holds what the executor's context propagation lets the task see.
	 * @throws dev.executor.TaskNotSerializableException if the task cannot be serialised
	 */
	@Override
	public <T> Callable<T> adapt(Callable<T> task) {
		return new RemoteTask<>(this.serializer.serialize(task), task instanceof ApplicationContextTask);
	}

	List<WorkerProcess> workers() {
		List<WorkerProcess> workers = new ArrayList<>();
		for (WorkerThread thread : this.threads) {
			WorkerProcess worker = thread.worker();
			if (worker != null && worker.isAlive()) {
				workers.add(worker);
			}
		}
		return workers;
	}

	/**
	 * Return the worker processes that are alive, one per thread of the pool.
	 * @return the handles of the worker processes
	 */
	public List<ProcessHandle> workerProcesses() {
		return workers().stream().map(WorkerProcess::handle).toList();
	}

	WorkerProcess startWorker() throws IOException {
		String name = this.spec.name() + "-worker-" + this.workerCount.incrementAndGet();
		WorkerProcess worker = WorkerProcess.start(this.command.forWorker(sharingOptions(), this.spec.name(), name),
				this.spec.name(), name, false, this::applicationStartEnded);
		this.processes.add(worker);
		worker.whenEnded(() -> this.processes.remove(worker));
		return worker;
	}

	String executorName() {
		return this.spec.name();
	}

	WorkerCommand command() {
		return this.command;
	}

	Serialization serialization() {
		return this.serialization;
	}

	@Nullable Integer maxTasksPerWorker() {
		return this.spec.process().maxTasksPerWorker();
	}

	void threadEnded(WorkerThread thread) {
		this.threads.remove(thread);
	}

	@Override
	protected void afterExecute(Runnable task, @Nullable Throwable failure) {
		if (Thread.currentThread() instanceof WorkerThread thread) {
			thread.afterTask();
		}
	}

	@Override
	public List<Runnable> shutdownNow() {
		this.stoppingNow = true;
		List<Runnable> queued = super.shutdownNow();
		// the pool does not interrupt a thread before it takes its first task, and a
		// thread waits for its first worker to start before it does
		this.threads.forEach(Thread::interrupt);
		return queued;
	}

	/**
	 * End every worker process that is still running, and wait until each has ended: those
	 * of the threads and those the threads stopped on their way out or replaced. A worker
	 * that has not ended by the deadline, or any once {@link #shutdownNow()} was called, is
	 * killed.
	 */
	@Override
	protected void terminated() {
		// this runs on the last thread of the pool, which may still have the interrupt by
		// which shutdown() woke it: that is no reason to leave the workers running; a
		// caller's thread, where shutdown() found no thread left, keeps its interrupt, even
		// when it is a thread of another pool
		boolean interrupted = Thread.currentThread() instanceof WorkerThread thread && thread.belongsTo(this)
				&& Thread.interrupted();
		boolean now = this.stoppingNow;
		List<WorkerProcess> workers = List.copyOf(this.processes);
		workers.forEach(now ? WorkerProcess::kill : WorkerProcess::stop);
		long deadline = System.nanoTime() + (now ? 0 : STOP_TIMEOUT.toNanos());
		try {
			for (WorkerProcess worker : workers) {
				worker.awaitExit(deadline);
			}
		}
		catch (InterruptedException ex) {
			workers.forEach(WorkerProcess::kill);
			interrupted = true;
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "ProcessPool[executor=" + executorName() + ", workers=" + workerProcesses().size() + "]";
	}

}
