package dev.executor.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import dev.executor.ManagedExecutor;
import dev.executor.autoconfigure.ExecutorProperties.Futures.InitializeSchema;
import dev.executor.autoconfigure.ExecutorSpecResolver.Settings;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * Creates the tables of the database store of stored futures
 * ({@code executor.futures.store=jdbc}) with the scripts in the jar, as
 * {@code executor.futures.jdbc.initialize-schema} says: once for each table name that an
 * executor uses.
 *
 * @since 0.1.0
 */
public class ExecutorFuturesDataSourceScriptDatabaseInitializer extends DataSourceScriptDatabaseInitializer {

	private static final String SCHEMA_LOCATION = "classpath:dev/executor/jdbc/schema-@@platform@@.sql";

	private static final String SCRIPT_TABLE_NAME = "EXECUTOR_FUTURES";

	private final Set<String> tableNames;

	/**
	 * Create an initializer of the tables that the given properties name.
	 * @param dataSource the application's database
	 * @param properties the executor properties
	 */
	public ExecutorFuturesDataSourceScriptDatabaseInitializer(DataSource dataSource, ExecutorProperties properties) {
		super(dataSource, settings(dataSource, properties.getFutures().getJdbc().getInitializeSchema()));
		this.tableNames = tableNames(properties);
	}

	static DatabaseInitializationSettings settings(DataSource dataSource, InitializeSchema initializeSchema) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setSchemaLocations(new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource,
				SCHEMA_LOCATION));
		settings.setMode(switch (initializeSchema) {
			case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
			case ALWAYS -> DatabaseInitializationMode.ALWAYS;
			case NEVER -> DatabaseInitializationMode.NEVER;
		});
		return settings;
	}

	private static Set<String> tableNames(ExecutorProperties properties) {
		Set<String> names = new LinkedHashSet<>();
		names.add(ExecutorSpecResolver.tableName(new Settings(ManagedExecutor.DEFAULT_NAME, properties)));
		properties.getNamed()
			.keySet()
			.forEach((name) -> names.add(ExecutorSpecResolver.tableName(new Settings(name, properties))));
		return names;
	}

	@Override
	protected void runScripts(Scripts scripts) {
		for (String tableName : this.tableNames) {
			List<Resource> renamed = new ArrayList<>();
			Charset encoding = Objects.requireNonNullElse(scripts.getEncoding(), StandardCharsets.UTF_8);
			scripts.forEach((script) -> renamed.add(renamed(script, tableName, encoding)));
			super.runScripts(new Scripts(renamed).continueOnError(scripts.isContinueOnError())
				.separator(scripts.getSeparator())
				.encoding(encoding));
		}
	}

	private static Resource renamed(Resource script, String tableName, Charset encoding) {
		try {
			String sql = script.getContentAsString(encoding).replace(SCRIPT_TABLE_NAME, tableName);
			return new ByteArrayResource(sql.getBytes(encoding), script.getDescription());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading " + script.getDescription() + " failed", ex);
		}
	}

}
