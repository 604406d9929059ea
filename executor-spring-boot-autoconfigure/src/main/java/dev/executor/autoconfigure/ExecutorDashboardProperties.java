package dev.executor.autoconfigure;

/**
 * The dashboard page, {@code executor.dashboard.*}: a page of the application that shows
 * its executors and their stored futures, read from the {@code executors} endpoint.
 *
 * @since 0.1.0
 */
public class ExecutorDashboardProperties {

	/**
	 * Whether the application serves the dashboard page, in a servlet web application.
	 */
	private boolean enabled = false;

	/**
	 * Path of the dashboard page, relative to the servlet context path.
	 */
	private String path = "/executors-dashboard";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

}
