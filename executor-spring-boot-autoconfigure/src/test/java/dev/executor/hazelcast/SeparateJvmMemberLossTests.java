package dev.executor.hazelcast;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.executor.FutureProxy;
import dev.executor.FutureState;
import dev.executor.ManagedExecutor;
import dev.executor.MemberLostException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for a member that dies with its JVM, killed with {@code SIGKILL}, while it runs
 * tasks: the member runs in a JVM of its own, started by the test.
 */
class SeparateJvmMemberLossTests {

	private HazelcastInstance local;

	private Process remote;

	private ManagedExecutor executor;

	@AfterEach
	void stop() {
		if (this.remote != null) {
			this.remote.destroyForcibly();
		}
		if (this.executor != null) {
			this.executor.close();
		}
		if (this.local != null) {
			this.local.getLifecycleService().terminate();
		}
	}

	@Test
	void memberWhoseJvmIsKilledShouldFailOnlyTheTasksItRanNamingIt() throws Exception {
		String cluster = TestHazelcast.newClusterName();
		this.local = TestHazelcast.start(cluster, "local");
		this.remote = startRemoteMember(cluster);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.local.getCluster().getMembers().size() == 2);
		Member remoteMember = this.local.getCluster()
			.getMembers()
			.stream()
			.filter((member) -> !member.localMember())
			.findFirst()
			.orElseThrow();
		this.executor = TestHazelcast.executor(this.local, "executor.max-workers=4");
		long localPid = ProcessHandle.current().pid();
		List<FutureProxy<Long>> futures = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			futures.add(this.executor.submit(() -> blockUnlessIn(localPid)));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> futures.stream().filter(FutureProxy::isDone).count() == 2
					&& futures.stream().filter((future) -> future.state() == FutureState.RUNNING).count() == 2);
		this.remote.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		List<Long> finished = new ArrayList<>();
		List<Throwable> failed = new ArrayList<>();
		for (FutureProxy<Long> future : futures) {
			try {
				finished.add(future.get(60, TimeUnit.SECONDS));
			}
			catch (ExecutionException ex) {
				failed.add(ex.getCause());
			}
		}
		assertThat(finished).containsOnly(localPid).hasSize(2);
		assertThat(failed).hasSize(2).allSatisfy((failure) -> {
			assertThat(failure).isInstanceOf(MemberLostException.class);
			assertThat(((MemberLostException) failure).getMember()).isEqualTo(HazelcastPool.describe(remoteMember));
		});
	}

	// runs on a member: returns at once on the test's JVM, blocks on the remote one
	private static long blockUnlessIn(long localPid) throws InterruptedException {
		long pid = ProcessHandle.current().pid();
		if (pid != localPid) {
			Thread.sleep(Duration.ofMinutes(5).toMillis());
		}
		return pid;
	}

	private static Process startRemoteMember(String cluster) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				RemoteMember.class.getName(), cluster)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		CompletableFuture<String> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> readOutput(process, ready), "remote-member-output");
		reader.setDaemon(true);
		reader.start();
		assertThat(ready.get(60, TimeUnit.SECONDS)).startsWith("ready ");
		return process;
	}

	// keeps reading after the ready line, so that the member never blocks on a full pipe
	private static void readOutput(Process process, CompletableFuture<String> ready) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.startsWith("ready ")) {
					ready.complete(line);
				}
			}
			ready.complete("ended before it was ready");
		}
		catch (Exception ex) {
			ready.complete("failed: " + ex);
		}
	}

}
