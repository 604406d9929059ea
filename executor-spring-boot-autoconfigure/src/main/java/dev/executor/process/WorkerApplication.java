package dev.executor.process;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * How a worker process creates its own application context, so that work that needs the
 * application's beans, such as {@link dev.executor.Job @Job} methods, can run there: the
 * application's {@code @SpringBootConfiguration} class, its command-line arguments, its
 * active profiles and its {@code executor.*} properties. The worker's context has no web
 * server, runs no {@code ApplicationRunner} or {@code CommandLineRunner}, has the
 * {@value #PROFILE} profile active, runs the tasks of its {@code process} executors in
 * the worker itself, and creates its beans lazily, unless the application sets
 * {@code spring.main.lazy-initialization} itself: the beans that have job methods are
 * excluded from that, and created with the context.
 *
 * @param mainClass the name of the application's {@code @SpringBootConfiguration} class
 * @param args the arguments of the worker's {@code SpringApplication}
 */
public record WorkerApplication(String mainClass, List<String> args) implements Serializable {

	/**
	 * The profile that is active in the application context of a worker process. Beans
	 * that must not run in workers, such as scheduled jobs or message listeners, can be
	 * excluded with {@code @Profile("!executor-worker")}.
	 */
	public static final String PROFILE = "executor-worker";

	private static final String EXECUTOR_PROPERTIES = "executor.";

	// a worker never serves the web, whatever the application's arguments say
	private static final String WEB_APPLICATION_TYPE = "--spring.main.web-application-type";

	private static final Map<WorkerApplication, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

	/**
	 * Create a new instance.
	 * @param mainClass the name of the application's {@code @SpringBootConfiguration}
	 * class
	 * @param args the arguments of the worker's {@code SpringApplication}
	 */
	public WorkerApplication {
		args = List.copyOf(args);
	}

	/**
	 * Describe the running application for its workers.
	 * @param beanFactory the bean factory of the application
	 * @return the description, or {@code null} if the application has no
	 * {@code @SpringBootConfiguration} class to start workers from
	 */
	public static @Nullable WorkerApplication of(ConfigurableListableBeanFactory beanFactory) {
		String[] configurations = beanFactory.getBeanNamesForAnnotation(SpringBootConfiguration.class);
		Class<?> mainClass = (configurations.length > 0) ? beanFactory.getType(configurations[0]) : null;
		if (mainClass == null) {
			return null;
		}
		List<String> args = new ArrayList<>();
		ApplicationArguments arguments = beanFactory.getBeanProvider(ApplicationArguments.class).getIfAvailable();
		if (arguments != null) {
			Arrays.stream(arguments.getSourceArgs())
				.filter((arg) -> !arg.startsWith(WEB_APPLICATION_TYPE))
				.forEach(args::add);
		}
		Environment environment = beanFactory.getBean(Environment.class);
		if (environment.getActiveProfiles().length > 0) {
			args.add("--spring.profiles.active=" + String.join(",", environment.getActiveProfiles()));
		}
		if (environment instanceof ConfigurableEnvironment configurable) {
			executorProperties(configurable).forEach((name, value) -> args.add("--" + name + "=" + value));
		}
		return new WorkerApplication(ClassUtils.getUserClass(mainClass).getName(), args);
	}

	private static Map<String, String> executorProperties(ConfigurableEnvironment environment) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					String value = name.startsWith(EXECUTOR_PROPERTIES) ? environment.getProperty(name) : null;
					if (value != null) {
						properties.putIfAbsent(name, value);
					}
				}
			}
		}
		return properties;
	}

	/**
	 * Return the application context of this application in the running worker process,
	 * starting it on first use.
	 * @return the application context
	 * @throws ClassNotFoundException if the application's class cannot be found
	 */
	public ConfigurableApplicationContext context() throws ClassNotFoundException {
		synchronized (contexts) {
			ConfigurableApplicationContext context = contexts.get(this);
			if (context == null) {
				context = start();
				contexts.put(this, context);
			}
			return context;
		}
	}

	private ConfigurableApplicationContext start() throws ClassNotFoundException {
		if (!WorkerMain.isWorkerProcess()) {
			throw new IllegalStateException("The application context of a worker starts only in a worker process");
		}
		SpringApplication application = new SpringApplication(
				ClassUtils.forName(this.mainClass, WorkerApplication.class.getClassLoader()));
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setAdditionalProfiles(PROFILE);
		application.setLazyInitialization(true);
		application.addInitializers((context) -> context.addBeanFactoryPostProcessor(WorkerApplication::removeRunners));
		return application.run(this.args.toArray(String[]::new));
	}

	private static void removeRunners(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory instanceof BeanDefinitionRegistry registry) {
			for (Class<?> runnerType : List.of(ApplicationRunner.class, CommandLineRunner.class)) {
				for (String name : beanFactory.getBeanNamesForType(runnerType, true, false)) {
					if (registry.containsBeanDefinition(name)) {
						registry.removeBeanDefinition(name);
					}
				}
			}
		}
	}

}
