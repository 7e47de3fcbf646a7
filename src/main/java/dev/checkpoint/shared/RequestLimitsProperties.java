package dev.checkpoint.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on every request, before any route sees it.
 *
 * @param maxBodySize largest request body on any route; larger ones answer 413 (routes
 * may have lower limits of their own)
 */
@ConfigurationProperties("checkpoint.request-limits")
@Validated
record RequestLimitsProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
