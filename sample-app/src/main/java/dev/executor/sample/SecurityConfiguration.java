package dev.executor.sample;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Secures Actuator behind HTTP Basic and leaves the application's own endpoints open:
 * anyone may read health, users may read the other endpoints, and only admins may use
 * their write and delete operations, such as cancelling a stored future. The executors
 * dashboard asks for the same users: the page calls the endpoint with the credentials the
 * browser was given for it, so a user sees the page but no cancel button. Those operations
 * exist only where their endpoint's access allows them: {@code application.yml} sets
 * {@code management.endpoint.executors.access} to {@code unrestricted}, since the
 * {@code executors} endpoint is read-only by default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(SecurityConfiguration.Users.class)
class SecurityConfiguration {

	// tag::authorize[]
	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint().withHttpMethod(HttpMethod.GET))
			.hasAnyRole("USER", "ADMIN")
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole("ADMIN")
			.requestMatchers("/executors-dashboard", "/executors-dashboard/**")
			.hasAnyRole("USER", "ADMIN")
			.anyRequest()
			.permitAll())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// clients send their credentials with every request and never hold a session
			// cookie, so there is no cross-site request to forge
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}
	// end::authorize[]

	@Bean
	UserDetailsService userDetailsService(Users users) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new InMemoryUserDetailsManager(
				User.withUsername("admin").password(encoder.encode(users.adminPassword())).roles("ADMIN").build(),
				User.withUsername("user").password(encoder.encode(users.userPassword())).roles("USER").build());
	}

	/**
	 * The passwords of the sample's two users.
	 *
	 * @param adminPassword the password of {@code admin}, who has the role {@code ADMIN}
	 * @param userPassword the password of {@code user}, who has the role {@code USER}
	 */
	@ConfigurationProperties("sample.users")
	record Users(String adminPassword, String userPassword) {

	}

}
