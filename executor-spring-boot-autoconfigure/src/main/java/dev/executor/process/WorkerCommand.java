package dev.executor.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.executor.ExecutorSpec.ProcessSpec;
import org.jspecify.annotations.Nullable;

/**
 * The command line that starts a worker JVM on the application's own classpath: the
 * {@code java} of the running JVM, the configured JVM options, the options of the
 * workers' {@link WorkerArchive class data sharing archive} and the class path, either
 * {@code java.class.path} directly or, inside a Spring Boot fat jar, the jar through
 * Spring Boot's {@code PropertiesLauncher}, which finds the classes in
 * {@code BOOT-INF/}.
 */
final class WorkerCommand {

	private static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private static final String LOADER_PACKAGE = "org.springframework.boot.loader.";

	private static final List<String> LAUNCHER_PROPERTIES = List.of("loader.path", "loader.home",
			"loader.config.name", "loader.config.location");

	/**
	 * Options that keep the JVM's own messages off standard output, which carries results,
	 * and that end a worker whose heap is exhausted, so that it is replaced rather than
	 * left in an unknown state. Options in {@code jvm-args} come later and win.
	 */
	// an idle JVM spends most of its CPU sampling its perf data for jstat, which nobody
	// reads of a worker: off unless jvm-args turn it on again
	private static final List<String> DEFAULT_OPTIONS = List.of("-XX:+DisplayVMOutputToStderr", "-Xlog:disable",
			"-Xlog:all=warning:stderr", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData");

	// on Java 25 an idle worker's G1 refinement thread often keeps using about 2 ms of CPU
	// a second after a burst, for as long as the worker stays idle; without refinement
	// threads, the worker's own thread and its next collection refine instead, and an idle
	// worker sleeps. Measured on Java 25 and not seen on Java 17: other versions keep
	// G1's defaults
	private static final List<String> REFINEMENT_OPTIONS = List.of("-XX:G1ConcRefinementThreads=0");

	private final List<String> options;

	private final List<String> launch;

	private final @Nullable WorkerArchive archive;

	private final boolean fatJar;

	private WorkerCommand(List<String> options, List<String> launch, @Nullable WorkerArchive archive,
			boolean fatJar) {
		this.options = List.copyOf(options);
		this.launch = List.copyOf(launch);
		this.archive = archive;
		this.fatJar = fatJar;
	}

	/**
	 * Return the command for workers of the running application.
	 * @param process the settings of the workers
	 * @return the command
	 */
	static WorkerCommand forCurrentApplication(ProcessSpec process) {
		return forClassPath(process, System.getProperty("java.class.path"));
	}

	/**
	 * Return the command for workers on the given class path.
	 * @param process the settings of the workers
	 * @param classPath the class path
	 * @return the command
	 */
	static WorkerCommand forClassPath(ProcessSpec process, String classPath) {
		List<String> options = new ArrayList<>();
		options.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		options.addAll(DEFAULT_OPTIONS);
		options.addAll(defaultGcOptions(Runtime.version().feature()));
		options.addAll(process.jvmArgs());
		List<String> launch = new ArrayList<>();
		launch.add("-cp");
		launch.add(classPath);
		boolean fatJar = isInFatJar();
		if (fatJar) {
			for (String property : LAUNCHER_PROPERTIES) {
				String value = System.getProperty(property);
				if (value != null) {
					launch.add("-D" + property + "=" + value);
				}
			}
			launch.add("-Dloader.main=" + WorkerMain.class.getName());
			launch.add(LAUNCHER);
		}
		else {
			launch.add(WorkerMain.class.getName());
		}
		List<String> key = new ArrayList<>(options);
		key.addAll(launch);
		return new WorkerCommand(options, launch, WorkerArchive.of(process, key, classPath), fatJar);
	}

	/**
	 * Return the garbage collector options that workers of the given Java version start
	 * with, before the configured ones, which win.
	 * @param javaFeatureVersion the feature version of the workers' Java
	 * @return the options
	 */
	static List<String> defaultGcOptions(int javaFeatureVersion) {
		return (javaFeatureVersion == 25) ? REFINEMENT_OPTIONS : List.of();
	}

	private static boolean isInFatJar() {
		ClassLoader classLoader = WorkerMain.class.getClassLoader();
		return classLoader != null && classLoader.getClass().getName().startsWith(LOADER_PACKAGE);
	}

	/**
	 * Return the class data sharing archive of the workers.
	 * @return the archive, or {@code null} if workers start without one
	 */
	@Nullable WorkerArchive archive() {
		return this.archive;
	}

	/**
	 * Return the archive of the workers of the given executor once they start the
	 * application context of job calls, see {@link WorkerArchive#forApplication(String)}.
	 * In a fat jar there is none: the JVM cannot archive the classes of
	 * {@code BOOT-INF/lib}, which are most of what that context loads, so training it
	 * would cost a context start for little.
	 * @param executorName the name of the executor
	 * @return the archive, or {@code null} if workers start without one
	 */
	@Nullable WorkerArchive applicationArchive(String executorName) {
		return (this.archive != null && !this.fatJar) ? this.archive.forApplication(executorName) : null;
	}

	/**
	 * Return the full command line of one worker.
	 * @param sharing the options that make it map a class data sharing archive, see
	 * {@link WorkerArchive#options()}
	 * @param executorName the name of the executor
	 * @param workerName the name of the worker
	 * @return the command line
	 */
	List<String> forWorker(List<String> sharing, String executorName, String workerName) {
		return command(sharing, executorName, workerName);
	}

	/**
	 * Return the command line of a worker that writes the classes it loaded to the given
	 * archive file when it exits.
	 * @param archiveFile the file to write
	 * @param executorName the name of the executor
	 * @param workerName the name of the worker
	 * @return the command line
	 */
	List<String> forTraining(Path archiveFile, String executorName, String workerName) {
		return command(List.of(WorkerArchive.trainingOption(archiveFile)), executorName, workerName);
	}

	private List<String> command(List<String> sharing, String executorName, String workerName) {
		List<String> command = new ArrayList<>(this.options);
		command.addAll(sharing);
		command.addAll(this.launch);
		command.add(executorName);
		command.add(workerName);
		return command;
	}

}
