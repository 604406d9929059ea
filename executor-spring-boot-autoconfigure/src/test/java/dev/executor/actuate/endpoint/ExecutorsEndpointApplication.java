package dev.executor.actuate.endpoint;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

/**
 * A web application whose endpoints are open to everyone, and that knows an {@code admin}
 * with the role {@code ADMIN}, so that tests can call the {@code executors} endpoint
 * anonymously or as a user with a role.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class ExecutorsEndpointApplication {

	static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	UserDetailsService userDetailsService() {
		return new InMemoryUserDetailsManager(User.withUsername("admin").password("{noop}secret").roles("ADMIN").build());
	}

	/**
	 * Return a client of the application that answers every status without throwing.
	 * @param port the port of the application
	 * @return the client
	 */
	static RestClient client(int port) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port + "/actuator/executors")
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	static ResponseEntity<Map<String, Object>> get(RestClient client, String path) {
		return client.get().uri(path).retrieve().toEntity(JSON_OBJECT);
	}

	static boolean await(CountDownLatch latch) throws InterruptedException {
		return latch.await(5, TimeUnit.SECONDS);
	}

}
