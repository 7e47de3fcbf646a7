package dev.checkpoint.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One place for web security: the client routes are open (no auth, cookies or CORS), the
 * rest needs credentials, and refusals are problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/v1/check/**", "/v1/telemetry/**", "/v1/versions/**")
					.permitAll()
					.requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/error")
					.permitAll()
					.anyRequest()
					.authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((errors) -> errors
				.authenticationEntryPoint((request, response, ex) -> writeProblem(response, HttpStatus.UNAUTHORIZED,
						ProblemTypes.UNAUTHORIZED, "Authentication required",
						"Send valid credentials to use this endpoint."))
				.accessDeniedHandler((request, response, ex) -> writeProblem(response, HttpStatus.FORBIDDEN,
						ProblemTypes.FORBIDDEN, "Forbidden", "Your role does not allow this request.")));
		return http.build();
	}

	private static void writeProblem(HttpServletResponse response, HttpStatus status, URI type, String title,
			String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"checkpoint\"");
		}
		response.getWriter()
			.write("{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(type, title,
					status.value(), detail));
	}

}
