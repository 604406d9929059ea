package dev.executor.context.web;

/**
 * Context propagation over HTTP on a {@code thread} executor.
 */
class ThreadExecutorContextPropagationIntegrationTests extends AbstractContextPropagationIntegrationTests {

}
