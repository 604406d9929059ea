package dev.executor.process;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import dev.executor.ManagedExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the garbage collector options that workers start with.
 */
class WorkerGcOptionsTests {

	private static final String REFINEMENT_THREADS = "G1ConcRefinementThreads";

	@Test
	void workersOfJava25ShouldStartWithoutG1RefinementThreads() {
		assertThat(WorkerCommand.defaultGcOptions(25)).containsExactly("-XX:G1ConcRefinementThreads=0");
	}

	@Test
	void workersOfOtherJavaVersionsShouldKeepTheCollectorsDefaults() {
		assertThat(WorkerCommand.defaultGcOptions(17)).isEmpty();
		assertThat(WorkerCommand.defaultGcOptions(21)).isEmpty();
		assertThat(WorkerCommand.defaultGcOptions(26)).isEmpty();
	}

	@Test
	void workerShouldRunWithTheDefaultGcOptionsOfItsJava() throws Exception {
		try (ManagedExecutor executor = TestProcessExecutors.create("executor.max-workers=1")) {
			String option = executor.submit(() -> vmOption(REFINEMENT_THREADS)).get(30, TimeUnit.SECONDS);
			if (Runtime.version().feature() == 25) {
				assertThat(option).isEqualTo("0 set on the command line");
			}
			else {
				assertThat(option).doesNotEndWith("set on the command line");
			}
		}
	}

	@Test
	void jvmArgsShouldWinOverTheDefaultGcOptions() throws Exception {
		try (ManagedExecutor executor = TestProcessExecutors.create("executor.max-workers=1",
				"executor.process.jvm-args=-XX:G1ConcRefinementThreads=1")) {
			String option = executor.submit(() -> vmOption(REFINEMENT_THREADS)).get(30, TimeUnit.SECONDS);
			assertThat(option).isEqualTo("1 set on the command line");
		}
	}

	// the option's value and where it came from, as text: the option itself does not
	// travel back from the worker
	private static String vmOption(String name) {
		VMOption option = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
		return option.getValue() + ((option.getOrigin() == VMOption.Origin.VM_CREATION) ? " set on the command line"
				: " from " + option.getOrigin());
	}

}
