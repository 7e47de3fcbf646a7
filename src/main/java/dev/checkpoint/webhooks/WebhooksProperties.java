package dev.checkpoint.webhooks;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the webhooks.
 *
 * @param allowHttp accept {@code http} endpoint URLs, not only {@code https}
 * @param allowPrivateAddresses accept endpoints whose host is (or resolves to) a
 * loopback, link-local, private or unique-local address
 * @param deliveryInterval how often each instance delivers the queued events that are due
 * @param maxAttempts attempts of one delivery before it is marked failed
 * @param firstRetry the pause after a failed attempt, doubled after each one
 * @param timeout how long one attempt may take, connecting included
 */
@ConfigurationProperties("checkpoint.webhooks")
@Validated
record WebhooksProperties(@DefaultValue("false") boolean allowHttp,
		@DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue("5s") Duration deliveryInterval,
		@DefaultValue("8") @Min(1) int maxAttempts, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("10s") Duration timeout) {
}
