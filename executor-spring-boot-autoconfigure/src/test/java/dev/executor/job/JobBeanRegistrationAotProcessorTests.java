package dev.executor.job;

import java.util.concurrent.CompletableFuture;

import dev.executor.Job;
import org.junit.jupiter.api.Test;

import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link JobBeanRegistrationAotProcessor}.
 */
class JobBeanRegistrationAotProcessorTests {

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	private final JobBeanRegistrationAotProcessor processor = new JobBeanRegistrationAotProcessor();

	@Test
	void jobMethodsShouldBeRegisteredForInvocation() {
		TestGenerationContext generationContext = new TestGenerationContext();
		this.processor.processAheadOfTime(register(Reports.class))
			.applyTo(generationContext, mock(BeanRegistrationCode.class));
		assertThat(generationContext.getRuntimeHints())
			.matches(RuntimeHintsPredicates.reflection().onMethodInvocation(Reports.class, "render"))
			.matches(RuntimeHintsPredicates.reflection().onMethodInvocation(Reports.class, "count"));
	}

	@Test
	void methodsThatAreNotJobsShouldNotBeRegistered() {
		TestGenerationContext generationContext = new TestGenerationContext();
		this.processor.processAheadOfTime(register(Reports.class))
			.applyTo(generationContext, mock(BeanRegistrationCode.class));
		assertThat(generationContext.getRuntimeHints())
			.doesNotMatch(RuntimeHintsPredicates.reflection().onMethodInvocation(Reports.class, "title"));
	}

	@Test
	void beanWithoutJobMethodsShouldContributeNothing() {
		assertThat(this.processor.processAheadOfTime(register(NoJobs.class))).isNull();
	}

	private RegisteredBean register(Class<?> beanClass) {
		this.beanFactory.registerBeanDefinition("bean", new RootBeanDefinition(beanClass));
		return RegisteredBean.of(this.beanFactory, "bean");
	}

	static class Reports {

		@Job
		public CompletableFuture<String> render() {
			return CompletableFuture.completedFuture("rendered");
		}

		@Job(executor = "reports")
		public void count() {
		}

		public String title() {
			return "title";
		}

	}

	static class NoJobs {

		public String title() {
			return "title";
		}

	}

}
