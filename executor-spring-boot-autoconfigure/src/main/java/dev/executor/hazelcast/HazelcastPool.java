package dev.executor.hazelcast;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import dev.executor.ExecutorSpec;
import dev.executor.MemberLostException;
import dev.executor.remote.Serialization;
import dev.executor.remote.TaskSerializer;
import dev.executor.remote.WorkerContext;
import dev.executor.spi.ApplicationContextSource;
import dev.executor.spi.RemoteTaskPool;
import dev.executor.spi.TaskAdapter;
import dev.executor.spi.TaskQueues;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The pool of a {@code hazelcast} executor: {@code max-workers} local threads in front of
 * a queue, each thread sending one task at a time to the Hazelcast
 * {@link IExecutorService} named after the executor and waiting for its answer. Members
 * are chosen in turn. Queueing, rejection, pool figures and shutdown are those of
 * {@link ThreadPoolExecutor}; interrupting a thread (cancellation, timeout) cancels the
 * task on its member.
 * <p>
 * Tasks are serialised when they are submitted (see {@link #adapt(Callable)}), together
 * with the submitting thread's MDC entries and Spring Security {@code Authentication}.
 */
public class HazelcastPool extends ThreadPoolExecutor implements TaskAdapter, RemoteTaskPool {

	private static final Log logger = LogFactory.getLog(HazelcastPool.class);

	private static final long KEEP_ALIVE_SECONDS = 60;

	private static final long INTERRUPT_CHECK_MILLIS = 50;

	private final ExecutorSpec spec;

	private final HazelcastInstance instance;

	private final Serialization serialization;

	private final TaskSerializer serializer;

	private final AtomicInteger nextMember = new AtomicInteger();

	/**
	 * Create a pool and make the cluster's executor of the same name run
	 * {@code max-workers} tasks at once on each member, unless it is configured already.
	 * @param spec the executor's settings
	 * @param instance the instance whose cluster runs the tasks
	 * @param classLoader the class loader of results and exceptions coming back
	 */
	public HazelcastPool(ExecutorSpec spec, HazelcastInstance instance, ClassLoader classLoader) {
		super(spec.maxWorkers(), spec.maxWorkers(), KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
				TaskQueues.forCapacity(spec.queueCapacity()), new CustomizableThreadFactory(spec.threadNamePrefix()));
		allowCoreThreadTimeOut(true);
		this.spec = spec;
		this.instance = instance;
		this.serialization = new Serialization(classLoader);
		this.serializer = new TaskSerializer(spec.name(), "a Hazelcast member");
		configureClusterExecutor();
	}

	private void configureClusterExecutor() {
		try {
			this.instance.getConfig().addExecutorConfig(new ExecutorConfig(this.spec.name(), this.spec.maxWorkers()));
		}
		catch (InvalidConfigurationException ex) {
			logger.debug("Keeping the existing configuration of Hazelcast executor '" + this.spec.name() + "': "
					+ ex.getMessage());
		}
	}

	/**
	 * Return the application context of the application instance on the member that runs
	 * a job call, which its own {@code hazelcast} executor type registered there.
	 * @param beanFactory the bean factory of the submitting application
	 * @return the member's application context
	 */
	@Override
	public ApplicationContextSource jobContext(ConfigurableListableBeanFactory beanFactory) {
		return new MemberApplicationContext();
	}

	/**
	 * Serialise a task for a member. The MDC entries and the {@code Authentication} that
	 * travel with it are taken when it runs, from the pool thread, which then holds what
	 * the executor's context propagation lets the task see.
	 * @throws dev.executor.TaskNotSerializableException if the task cannot be serialised
	 */
	@Override
	public <T> Callable<T> adapt(Callable<T> task) {
		byte[] payload = this.serializer.serialize(task);
		return () -> run(new MemberTask(this.spec.name(), payload, bytes(WorkerContext.capture())));
	}

	private static byte[] bytes(WorkerContext context) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			context.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Return the instance whose cluster runs the tasks.
	 * @return the instance
	 */
	public HazelcastInstance instance() {
		return this.instance;
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T run(MemberTask task) throws Exception {
		IExecutorService executor = this.instance.getExecutorService(this.spec.name());
		UUID lost = null;
		while (true) {
			Member member = member(lost);
			Future<MemberOutcome> future = executor.submitToMember(task, member);
			try {
				return (T) await(future).decode(this.serialization, this.spec.name());
			}
			catch (InterruptedException ex) {
				future.cancel(true);
				throw ex;
			}
			catch (ExecutionException ex) {
				if (!isMemberLoss(ex) || !this.spec.hazelcast().retryOnMemberLoss()) {
					throw failure(ex, member);
				}
				logger.warn("Member " + describe(member) + " left the cluster while running a task of executor '"
						+ this.spec.name() + "'; running it again on another member");
				lost = member.getUuid();
			}
		}
	}

	// Hazelcast's futures do not always notice an interrupt while waiting, so poll for it
	private static MemberOutcome await(Future<MemberOutcome> future) throws InterruptedException, ExecutionException {
		while (true) {
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
			try {
				return future.get(INTERRUPT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				// not done yet
			}
		}
	}

	private Member member(@Nullable UUID excluded) {
		List<Member> members = this.instance.getCluster()
			.getMembers()
			.stream()
			.filter((member) -> !member.getUuid().equals(excluded))
			.toList();
		if (members.isEmpty()) {
			return this.instance.getCluster().getLocalMember();
		}
		return members.get(Math.floorMod(this.nextMember.getAndIncrement(), members.size()));
	}

	private Exception failure(ExecutionException ex, Member member) {
		if (isMemberLoss(ex)) {
			return new MemberLostException(this.spec.name(), describe(member),
					Objects.requireNonNullElse(ex.getCause(), ex));
		}
		return (ex.getCause() instanceof Exception cause) ? cause : ex;
	}

	static String describe(Member member) {
		return member.getAddress() + " (" + member.getUuid() + ")";
	}

	private static boolean isMemberLoss(ExecutionException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MemberLeftException || cause instanceof TargetNotMemberException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "HazelcastPool[executor=" + this.spec.name() + ", cluster=" + this.instance.getConfig().getClusterName()
				+ ", members=" + this.instance.getCluster().getMembers().size() + "]";
	}

}
