package dev.executor.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a worker JVM on the application's own classpath: the
 * {@code java} of the running JVM, the configured JVM options and the class path, either
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

	private final List<String> prefix;

	private WorkerCommand(List<String> prefix) {
		this.prefix = List.copyOf(prefix);
	}

	/**
	 * Return the command for workers of the running application.
	 * @param jvmArgs the configured options of the worker JVMs
	 * @return the command
	 */
	static WorkerCommand forCurrentApplication(List<String> jvmArgs) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(DEFAULT_OPTIONS);
		command.addAll(jvmArgs);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		if (isInFatJar()) {
			for (String property : LAUNCHER_PROPERTIES) {
				String value = System.getProperty(property);
				if (value != null) {
					command.add("-D" + property + "=" + value);
				}
			}
			command.add("-Dloader.main=" + WorkerMain.class.getName());
			command.add(LAUNCHER);
		}
		else {
			command.add(WorkerMain.class.getName());
		}
		return new WorkerCommand(command);
	}

	private static boolean isInFatJar() {
		ClassLoader classLoader = WorkerMain.class.getClassLoader();
		return classLoader != null && classLoader.getClass().getName().startsWith(LOADER_PACKAGE);
	}

	/**
	 * Return the full command line of one worker.
	 * @param executorName the name of the executor
	 * @param workerName the name of the worker
	 * @return the command line
	 */
	List<String> forWorker(String executorName, String workerName) {
		List<String> command = new ArrayList<>(this.prefix);
		command.add(executorName);
		command.add(workerName);
		return command;
	}

}
