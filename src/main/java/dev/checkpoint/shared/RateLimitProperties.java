package dev.checkpoint.shared;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client rate limits, by name.
 *
 * @param clientIpHeader the header a trusted reverse proxy puts the client address in
 * (e.g. {@code X-Forwarded-For}, whose first entry is used); unset uses the connection's
 * address. Only set it behind a proxy that overwrites the header.
 * @param limits the limits by name ({@code pings}, {@code error-reports}, ...)
 */
@ConfigurationProperties("checkpoint.rate-limits")
@Validated
record RateLimitProperties(@Nullable String clientIpHeader, @DefaultValue @Valid Map<String, Limit> limits) {

	/**
	 * At most {@code capacity} requests per {@code period} from one client, refilled
	 * evenly.
	 */
	record Limit(@DefaultValue("true") boolean enabled, @Min(1) long capacity, @NotNull Duration period) {
	}

}
