package dev.executor.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * each executor's {@code futures.jdbc.initialize-schema} says: once for each table that
 * an executor with {@code futures.store=jdbc} uses.
 *
 * @since 0.1.0
 */
public class ExecutorFuturesDataSourceScriptDatabaseInitializer extends DataSourceScriptDatabaseInitializer {

	private static final String SCHEMA_LOCATION = "classpath:dev/executor/jdbc/schema-@@platform@@.sql";

	private static final String SCRIPT_TABLE_NAME = "EXECUTOR_FUTURES";

	private static final String JDBC_STORE = "jdbc";

	private final Map<String, InitializeSchema> tables;

	/**
	 * Create an initializer of the tables that the given properties name.
	 * @param dataSource the application's database
	 * @param properties the executor properties
	 */
	public ExecutorFuturesDataSourceScriptDatabaseInitializer(DataSource dataSource, ExecutorProperties properties) {
		super(dataSource, settings(dataSource));
		this.tables = tables(properties);
	}

	// each table has the mode of its executors, so the scripts always run and choose
	private static DatabaseInitializationSettings settings(DataSource dataSource) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setSchemaLocations(new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource,
				SCHEMA_LOCATION));
		settings.setMode(DatabaseInitializationMode.ALWAYS);
		return settings;
	}

	// a table that two executors share is created if either asks for it
	private static Map<String, InitializeSchema> tables(ExecutorProperties properties) {
		Map<String, InitializeSchema> tables = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(List.of(ManagedExecutor.DEFAULT_NAME));
		names.addAll(properties.getNamed().keySet());
		for (String name : names) {
			Settings settings = new Settings(name, properties);
			if (JDBC_STORE.equals(settings
				.get("futures.store", (s) -> s.getFutures().getStore(), (p) -> p.getFutures().getStore())
				.orNull())) {
				InitializeSchema mode = settings
					.get("futures.jdbc.initialize-schema", (s) -> s.getFutures().getJdbc().getInitializeSchema(),
							(p) -> p.getFutures().getJdbc().getInitializeSchema())
					.get();
				tables.merge(ExecutorSpecResolver.tableName(settings), mode,
						ExecutorFuturesDataSourceScriptDatabaseInitializer::eager);
			}
		}
		return tables;
	}

	@Override
	protected void runScripts(Scripts scripts) {
		for (Map.Entry<String, InitializeSchema> table : this.tables.entrySet()) {
			if (!creates(table.getValue())) {
				continue;
			}
			String tableName = table.getKey();
			List<Resource> renamed = new ArrayList<>();
			Charset encoding = Objects.requireNonNullElse(scripts.getEncoding(), StandardCharsets.UTF_8);
			scripts.forEach((script) -> renamed.add(renamed(script, tableName, encoding)));
			super.runScripts(new Scripts(renamed).continueOnError(scripts.isContinueOnError())
				.separator(scripts.getSeparator())
				.encoding(encoding));
		}
	}

	private static InitializeSchema eager(InitializeSchema one, InitializeSchema other) {
		if (one == InitializeSchema.ALWAYS || other == InitializeSchema.ALWAYS) {
			return InitializeSchema.ALWAYS;
		}
		return (one == InitializeSchema.EMBEDDED || other == InitializeSchema.EMBEDDED) ? InitializeSchema.EMBEDDED
				: InitializeSchema.NEVER;
	}

	private boolean creates(InitializeSchema mode) {
		return mode == InitializeSchema.ALWAYS || (mode == InitializeSchema.EMBEDDED && isEmbeddedDatabase());
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
