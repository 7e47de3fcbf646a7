package dev.checkpoint.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * One place for web security: the client routes are open (no auth, cookies or CORS),
 * {@code /api/admin/**} needs an ADMIN token, reports and metrics an OPERATOR (or ADMIN)
 * token, and refusals are problem+json. The dashboard page itself holds no data: it asks
 * for a token and calls the report API with it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/v1/**", "/api/privacy/**")
			.permitAll()
			.requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**")
			.permitAll()
			.requestMatchers("/dashboard", "/dashboard/**", "/webjars/**", "/bench/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/error")
			.permitAll()
			.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/reports/**", "/api/error-reports/**", "/actuator/prometheus")
			.hasRole("OPERATOR")
			.anyRequest()
			.authenticated())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(ProblemResponses.UNAUTHORIZED)
				.accessDeniedHandler(ProblemResponses.FORBIDDEN));
		return http.build();
	}

}
