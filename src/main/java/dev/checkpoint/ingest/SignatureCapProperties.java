package dev.checkpoint.ingest;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cap on new signatures per client address, product and UTC day, so that one host
 * cannot inflate the monthly actives with made-up signatures.
 *
 * @param enabled whether the cap applies
 * @param maxNewPerDay how many distinct signatures one address may present per product
 * and UTC day; further new ones are stored as anonymous pings
 * @param maxTracked most (address, product, signature) triples remembered in memory per
 * instance (about 133 bytes each, measured: 200,000 are about 26 MiB of the image's 128
 * MiB heap); a forgotten one counts as new again, so the cap only gets stricter
 */
@ConfigurationProperties("checkpoint.ingest.signature-cap")
@Validated
record SignatureCapProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500") @Min(1) int maxNewPerDay,
		@DefaultValue("200000") @Min(1) long maxTracked) {

}
