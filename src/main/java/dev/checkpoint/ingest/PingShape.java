package dev.checkpoint.ingest;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The descriptive values of a ping that many pings share, stored once in
 * {@code ping_shapes}: the client's version and platform, its runtime, CI and install
 * type, its checkpoint version and user agent, and its schema's provider lists.
 */
record PingShape(String version, String os, String arch, @Nullable String ciName, @Nullable String cliInstallType,
		@Nullable String nodeVersion, List<String> schemaProviders, List<String> schemaPreviewFeatures,
		List<String> schemaGeneratorsProviders, @Nullable String checkpointVersion, @Nullable String userAgent) {

	static PingShape of(Ping ping) {
		return new PingShape(ping.version(), ping.os(), ping.arch(), ping.ciName(), ping.cliInstallType(),
				ping.nodeVersion(), ping.schemaProviders(), ping.schemaPreviewFeatures(),
				ping.schemaGeneratorsProviders(), ping.checkpointVersion(), ping.userAgent());
	}

}
