package dev.executor;

/**
 * The failure of a task whose cluster member left the cluster while it ran the task, on
 * an executor of type {@code hazelcast} that does not retry such tasks
 * ({@code executor.hazelcast.retry-on-member-loss}).
 */
public class MemberLostException extends RuntimeException {

	private final String executorName;

	private final String member;

	/**
	 * Create a new instance.
	 * @param executorName the name of the executor
	 * @param member the member that left, as its address and UUID, such as {@code [127.0.0.1]:5702 (7c1e...)}
	 * @param cause what Hazelcast reported
	 */
	public MemberLostException(String executorName, String member, Throwable cause) {
		super("Member " + member + " left the cluster before it finished a task of executor '" + executorName
				+ "'; set " + ExecutorSpec.propertyPrefix(executorName)
				+ ".hazelcast.retry-on-member-loss=true to run such tasks again on another member", cause);
		this.executorName = executorName;
		this.member = member;
	}

	/**
	 * Return the name of the executor that ran the task.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.executorName;
	}

	/**
	 * Return the member that left, as its address and UUID.
	 * @return the member
	 */
	public String getMember() {
		return this.member;
	}

}
