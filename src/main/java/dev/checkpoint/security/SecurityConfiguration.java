package dev.checkpoint.security;

import java.util.Arrays;

import dev.checkpoint.shared.RateLimits;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * One place for web security: the client routes are open (no auth, cookies or CORS),
 * {@code POST /} among them (the Prisma CLI's crash reports), {@code /api/admin/**} needs
 * an ADMIN token, reports and metrics an OPERATOR (or ADMIN) token, and refusals are
 * problem+json. The dashboard page itself holds no data: it asks for a token and calls
 * the report API with it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Open to everyone: the client routes ({@code POST /} is the Prisma CLI's crash
	 * reports), health, the API document, the dashboard pages (which hold no data), the
	 * products' public pages (only those an admin published) and the error page. A token
	 * sent to them is ignored, never refused.
	 */
	static final String[] PUBLIC_ROUTES = { "/", "/v1/**", "/api/privacy/**", "/actuator/health/**", "/actuator/info",
			"/v3/api-docs/**", "/dashboard", "/dashboard/**", "/public/**", "/public-page/**", "/webjars/**",
			"/error" };

	/**
	 * No Spring Security observations: with them, every filter of every request is
	 * wrapped in a Micrometer observation of its own (~25 % of a check's CPU in a JFR
	 * profile, and ~1.6 KB allocated per request in names alone, bench/ingest.sh). The
	 * request metrics ({@code http.server.requests}) stay.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The default strict firewall, its header and parameter rules checked without regular
	 * expressions ({@link Firewall}).
	 */
	@Bean
	HttpFirewall httpFirewall() {
		return Firewall.strict();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens, RateLimits rateLimits,
			JsonMapper json) throws Exception {
		ProblemResponses problems = new ProblemResponses(json);
		RequestMatcher publicRoutes = new OrRequestMatcher(Arrays.stream(PUBLIC_ROUTES)
			.<RequestMatcher>map(PathPatternRequestMatcher.withDefaults()::matcher)
			.toList());
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(publicRoutes)
			.permitAll()
			.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/reports/**", "/api/error-reports/**", "/actuator/prometheus")
			.hasRole("OPERATOR")
			.anyRequest()
			.authenticated())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, rateLimits, publicRoutes, problems),
					AnonymousAuthenticationFilter.class)
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.headers(SecurityConfiguration::securityHeaders)
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * On every answer: nosniff, no framing, no referrer, and a CSP that lets the
	 * dashboard pages load only their own scripts, styles and API calls (they have no
	 * inline code). Spring Security's defaults stay: {@code Cache-Control: no-store} (and
	 * no-cache) unless a handler sets its own, and HSTS only on HTTPS requests.
	 */
	private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentTypeOptions(Customizer.withDefaults())
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
	}

}
