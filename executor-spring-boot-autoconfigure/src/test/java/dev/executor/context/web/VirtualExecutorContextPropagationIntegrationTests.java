package dev.executor.context.web;

import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.test.context.TestPropertySource;

/**
 * Context propagation over HTTP on a {@code virtual} executor.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@TestPropertySource(properties = "executor.type=virtual")
class VirtualExecutorContextPropagationIntegrationTests extends AbstractContextPropagationIntegrationTests {

}
