package dev.executor.autoconfigure;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link CustomPoolClassesAotProcessor}.
 */
class CustomPoolClassesAotProcessorTests {

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	private final MockEnvironment environment = new MockEnvironment();

	CustomPoolClassesAotProcessorTests() {
		this.beanFactory.registerSingleton("environment", this.environment);
	}

	@Test
	void poolClassesOfTheDefaultAndNamedExecutorsShouldBeRegisteredForConstruction() {
		withExecutors();
		this.environment.withProperty("executor.type", "custom")
			.withProperty("executor.pool-class", ForkJoinPool.class.getName())
			.withProperty("executor.named.scheduled.type", "custom")
			.withProperty("executor.named.scheduled.pool-class", ScheduledThreadPoolExecutor.class.getName());
		TestGenerationContext generationContext = new TestGenerationContext();
		process().applyTo(generationContext, mock(BeanFactoryInitializationCode.class));
		assertThat(generationContext.getRuntimeHints())
			.matches(RuntimeHintsPredicates.reflection()
				.onType(ForkJoinPool.class)
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS))
			.matches(RuntimeHintsPredicates.reflection()
				.onType(ScheduledThreadPoolExecutor.class)
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS));
	}

	@Test
	void withoutCustomExecutorsShouldContributeNothing() {
		withExecutors();
		this.environment.withProperty("executor.named.reports.max-workers", "2");
		assertThat(process()).isNull();
	}

	@Test
	void withoutExecutorAutoConfigurationShouldContributeNothing() {
		this.environment.withProperty("executor.pool-class", ForkJoinPool.class.getName());
		assertThat(process()).isNull();
	}

	private void withExecutors() {
		this.beanFactory.registerBeanDefinition("executorSpecResolver",
				new RootBeanDefinition(ExecutorSpecResolver.class));
	}

	private BeanFactoryInitializationAotContribution process() {
		return new CustomPoolClassesAotProcessor().processAheadOfTime(this.beanFactory);
	}

}
