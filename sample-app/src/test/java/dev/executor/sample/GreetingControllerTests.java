package dev.executor.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the greetings of the sample application over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GreetingControllerTests {

	@LocalServerPort
	private int port;

	@Test
	void greetingShouldUseTheLocaleAndHeaderOfTheRequestThatStartedIt() {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		String key = client.post()
			.uri("/greetings/{name}", "ana")
			.header("Accept-Language", "pt-BR")
			.header("X-Client", "curl")
			.retrieve()
			.body(String.class);
		String greeting = client.get().uri("/greetings/{name}", "ana").retrieve().body(String.class);
		assertThat(key).isEqualTo("greeting-ana");
		assertThat(greeting).isEqualTo("Hello ana, in Portuguese, from curl");
	}

}
