package dev.executor.autoconfigure;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.executor.ExecutorSpec;
import dev.executor.ManagedExecutor;
import dev.executor.core.ExecutorBackends;
import dev.executor.spi.ExecutorBackend;
import dev.executor.thread.ThreadPoolBackend;
import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExecutorSpecResolver} without an application context.
 */
class ExecutorSpecResolverTests {

	private final ExecutorProperties properties = new ExecutorProperties();

	private final ExecutorSpecResolver resolver = new ExecutorSpecResolver(this.properties,
			new ExecutorBackends(List.<ExecutorBackend>of(new ThreadPoolBackend())));

	@Test
	void resolveWithoutConfigurationShouldApplyTheDefaultsOfTheProperties() {
		ExecutorProperties defaults = new ExecutorProperties();
		ExecutorSpec spec = this.resolver.resolve(ManagedExecutor.DEFAULT_NAME);
		assertThat(spec.type()).isEqualTo(defaults.getType());
		assertThat(spec.maxWorkers()).isEqualTo(new ThreadPoolBackend().defaultMaxWorkers());
		assertThat(spec.threadNamePrefix()).isEqualTo("executor-");
		assertThat(spec.propagateExceptions()).isEqualTo(defaults.isPropagateExceptions());
		assertThat(spec.propagateContext()).isEqualTo(defaults.getContext().isPropagate());
		assertThat(spec.futuresMaxLength()).isEqualTo(defaults.getFutures().getMaxLength());
		assertThat(spec.awaitTermination()).isEqualTo(defaults.getShutdown().isAwaitTermination());
		assertThat(spec.awaitTerminationPeriod()).isEqualTo(defaults.getShutdown().getAwaitTerminationPeriod());
		assertThat(spec.process().prestart()).isEqualTo(defaults.getProcess().isPrestart());
		assertThat(spec.hazelcast().retryOnMemberLoss()).isEqualTo(defaults.getHazelcast().isRetryOnMemberLoss());
		assertThat(spec.jdbc().resubmitOnOwnerLoss()).isEqualTo(defaults.getFutures().getJdbc().isResubmitOnOwnerLoss());
	}

	@Test
	void namedExecutorShouldTakeTheDatabaseStoreKeysItLeavesUnsetFromTheTopLevel() {
		this.properties.getFutures().getJdbc().setResubmitOnOwnerLoss(true);
		this.properties.getFutures().getJdbc().setPollInterval(Duration.ofMillis(100));
		ExecutorSettings reports = new ExecutorSettings();
		reports.getFutures().getJdbc().setPollInterval(Duration.ofSeconds(2));
		ExecutorSettings invoices = new ExecutorSettings();
		invoices.getFutures().getJdbc().setResubmitOnOwnerLoss(false);
		this.properties.getNamed().put("reports", reports);
		this.properties.getNamed().put("invoices", invoices);
		assertThat(this.resolver.resolve("reports").jdbc().resubmitOnOwnerLoss()).isTrue();
		assertThat(this.resolver.resolve("reports").jdbc().pollInterval()).hasSeconds(2);
		assertThat(this.resolver.resolve("invoices").jdbc().resubmitOnOwnerLoss()).isFalse();
		assertThat(this.resolver.resolve("invoices").jdbc().pollInterval()).hasMillis(100);
	}

	@Test
	void namedExecutorShouldTakeEachKeyItLeavesUnsetFromTheTopLevel() {
		this.properties.getFutures().setMaxLength(7);
		this.properties.getShutdown().setAwaitTerminationPeriod(Duration.ofSeconds(3));
		this.properties.setMaxWorkers(5);
		ExecutorSettings reports = new ExecutorSettings();
		reports.setMaxWorkers(2);
		reports.getShutdown().setAwaitTermination(false);
		this.properties.getNamed().put("reports", reports);
		ExecutorSpec spec = this.resolver.resolve("reports");
		assertThat(spec.maxWorkers()).isEqualTo(2);
		assertThat(spec.awaitTermination()).isFalse();
		assertThat(spec.futuresMaxLength()).isEqualTo(7);
		assertThat(spec.awaitTerminationPeriod()).hasSeconds(3);
		assertThat(spec.threadNamePrefix()).isEqualTo("reports-");
	}

	@Test
	void resolveWithoutRetryConfigurationShouldNotRetry() {
		assertThat(this.resolver.resolve(ManagedExecutor.DEFAULT_NAME).retry()).isNull();
	}

	@Test
	void namedExecutorShouldTakeRetryKeysItLeavesUnsetFromTheTopLevel() {
		this.properties.getRetry().setMaxRetries(2);
		this.properties.getRetry().setDelay(Duration.ofMillis(100));
		this.properties.getRetry().setExcludes(List.of(IllegalStateException.class.getName()));
		ExecutorSettings reports = new ExecutorSettings();
		reports.getRetry().setMultiplier(2.0);
		this.properties.getNamed().put("reports", reports);
		RetryPolicy policy = this.resolver.resolve("reports").retry();
		assertThat(policy).isNotNull();
		BackOffExecution backOff = policy.getBackOff().start();
		assertThat(backOff.nextBackOff()).isEqualTo(100);
		assertThat(backOff.nextBackOff()).isEqualTo(200);
		assertThat(backOff.nextBackOff()).isEqualTo(BackOffExecution.STOP);
		assertThat(policy.shouldRetry(new IllegalStateException())).isFalse();
		assertThat(policy.shouldRetry(new IOException())).isTrue();
	}

	@Test
	void retryIncludesShouldLimitTheRetriedFailures() {
		this.properties.getRetry().setMaxRetries(1);
		this.properties.getRetry().setIncludes(List.of(IOException.class.getName()));
		RetryPolicy policy = this.resolver.resolve(ManagedExecutor.DEFAULT_NAME).retry();
		assertThat(policy).isNotNull();
		assertThat(policy.shouldRetry(new FileNotFoundException())).isTrue();
		assertThat(policy.shouldRetry(new IllegalStateException())).isFalse();
	}

	@Test
	void retryPolicyOfTheExecutorShouldReplaceTheConfiguredOne() {
		RetryPolicy own = RetryPolicy.withMaxRetries(7);
		this.properties.getRetry().setMaxRetries(2);
		ExecutorSpecResolver resolver = new ExecutorSpecResolver(this.properties,
				new ExecutorBackends(List.<ExecutorBackend>of(new ThreadPoolBackend())), Set::of,
				(name) -> "reports".equals(name) ? own : null);
		assertThat(resolver.resolve("reports").retry()).isSameAs(own);
		assertThat(resolver.resolve(ManagedExecutor.DEFAULT_NAME).retry()).isNotSameAs(own).isNotNull();
	}

}
