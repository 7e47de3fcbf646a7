package dev.checkpoint.ingest;

import dev.checkpoint.shared.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Rate limits the client routes per client address before anything else happens (before
 * the body is read and long before the ping waits for its commit): limit {@code pings}
 * for {@code /v1/check} and {@code /v1/telemetry}, limit {@code versions} for
 * {@code /v1/versions}. Refused requests get 429 problem+json with Retry-After.
 */
@Configuration(proxyBeanMethods = false)
class PingRateLimiter implements WebMvcConfigurer {

	private final RateLimits rateLimits;

	PingRateLimiter(RateLimits rateLimits) {
		this.rateLimits = rateLimits;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(limit("pings")).addPathPatterns("/v1/check/**", "/v1/telemetry/**");
		registry.addInterceptor(limit("versions")).addPathPatterns("/v1/versions/**");
	}

	private HandlerInterceptor limit(String name) {
		return new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				PingRateLimiter.this.rateLimits.consume(name, request);
				return true;
			}

		};
	}

}
