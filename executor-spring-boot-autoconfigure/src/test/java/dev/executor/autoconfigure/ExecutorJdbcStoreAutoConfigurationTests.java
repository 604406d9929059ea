package dev.executor.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import dev.executor.futures.LocalStoredFutures;
import dev.executor.spi.StoredFuturesFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExecutorJdbcStoreAutoConfiguration}.
 */
class ExecutorJdbcStoreAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				ExecutorJdbcStoreAutoConfiguration.class, ExecutorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

	@Test
	void jdbcStoreShouldCreateTheTablesInAnEmbeddedDatabase() {
		this.contextRunner.withPropertyValues("executor.futures.store=jdbc")
			.run((context) -> assertThat(tables(context.getBean(DataSource.class)))
				.isEqualTo(2));
	}

	@Test
	void jdbcStoreWithInitializeSchemaNeverAndNoTablesShouldFailStartUpSayingHowToCreateThem() {
		this.contextRunner
			.withPropertyValues("executor.named.reports.futures.store=jdbc",
					"executor.futures.jdbc.initialize-schema=never")
			.run((context) -> assertThat(cause(context.getStartupFailure(), IllegalStateException.class))
				.hasMessageStartingWith("The tables of the stored futures of executor 'reports' cannot be used (")
				.hasMessageEndingWith("); create them with the script dev/executor/jdbc/schema-<database>.sql of "
						+ "the executor starter's jar, or set executor.named.reports.futures.jdbc.initialize-schema "
						+ "to 'always'"));
	}

	@Test
	void namedExecutorWithATableOfItsOwnShouldGetThatTable() {
		this.contextRunner
			.withPropertyValues("executor.named.reports.futures.store=jdbc",
					"executor.named.reports.futures.jdbc.table-name=REPORT_FUTURES")
			.run((context) -> assertThat(JdbcClient.create(context.getBean(DataSource.class))
				.sql("SELECT COUNT(*) FROM REPORT_FUTURES")
				.query(Integer.class)
				.single()).isZero());
	}

	@Test
	void noExecutorWithJdbcStoreShouldLeaveTheDatabaseAlone() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(ExecutorFuturesDataSourceScriptDatabaseInitializer.class);
			assertThat(tables(context.getBean(DataSource.class))).isZero();
		});
	}

	@Test
	void jdbcStoreWhenUserDefinesStoredFuturesFactoryShouldBackOff() {
		this.contextRunner.withPropertyValues("executor.futures.store=jdbc")
			.withUserConfiguration(UserStoredFuturesFactory.class)
			.run((context) -> assertThat(context).hasSingleBean(StoredFuturesFactory.class)
				.hasBean("userStoredFuturesFactory"));
	}

	@Test
	void jdbcStoreWhenUserDefinesTheSchemaInitializerShouldBackOff() {
		this.contextRunner.withPropertyValues("executor.futures.store=jdbc")
			.withUserConfiguration(UserInitializer.class)
			.run((context) -> assertThat(context)
				.hasSingleBean(ExecutorFuturesDataSourceScriptDatabaseInitializer.class)
				.hasBean("userInitializer"));
	}

	private static Throwable cause(Throwable failure, Class<? extends Throwable> type) {
		Throwable cause = failure;
		while (cause != null && !type.isInstance(cause)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of type " + type.getName()).isNotNull();
		return cause;
	}

	private static int tables(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'EXECUTOR_FUTURES%'")
			.query(Integer.class)
			.single();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoredFuturesFactory {

		@Bean
		StoredFuturesFactory userStoredFuturesFactory() {
			return (spec) -> new LocalStoredFutures(spec.name(), spec.futuresMaxLength(), null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserInitializer {

		@Bean
		ExecutorFuturesDataSourceScriptDatabaseInitializer userInitializer(DataSource dataSource,
				ExecutorProperties properties) {
			return new ExecutorFuturesDataSourceScriptDatabaseInitializer(dataSource, properties);
		}

	}

}
