package dev.checkpoint.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * One row of {@code pings} as the obvious JPA design would write it, for the naive
 * benchmark variant only ({@code /bench/naive/check}). {@code pings} has no primary key:
 * {@code client_event_id} serves as an assigned id, a random one when the client sent
 * none. Always new, so that {@code save()} inserts without a select first.
 */
@Entity
@Table(name = "pings")
class NaivePing implements Persistable<String> {

	@Id
	@Column(name = "client_event_id")
	private String clientEventId = "";

	@Column(name = "received_at", nullable = false)
	private Instant receivedAt = Instant.EPOCH;

	@Column(name = "kind", nullable = false)
	private short kind;

	@Column(name = "product", nullable = false)
	private String product = "";

	@Column(name = "version", nullable = false)
	private String version = "";

	@Column(name = "os", nullable = false)
	private String os = "";

	@Column(name = "arch", nullable = false)
	private String arch = "";

	@Column(name = "signature")
	private @Nullable UUID signature;

	@Column(name = "ci")
	private @Nullable Boolean ci;

	@Column(name = "previous_client_event_id")
	private @Nullable String previousClientEventId;

	@Column(name = "project_hash")
	private @Nullable String projectHash;

	@Column(name = "cli_path_hash")
	private @Nullable String cliPathHash;

	@Column(name = "command")
	private @Nullable String command;

	@Column(name = "information")
	private @Nullable String information;

	@Column(name = "ci_name")
	private @Nullable String ciName;

	@Column(name = "cli_install_type")
	private @Nullable String cliInstallType;

	@Column(name = "node_version")
	private @Nullable String nodeVersion;

	@Column(name = "schema_providers")
	private String @Nullable [] schemaProviders;

	@Column(name = "schema_preview_features")
	private String @Nullable [] schemaPreviewFeatures;

	@Column(name = "schema_generators_providers")
	private String @Nullable [] schemaGeneratorsProviders;

	@Column(name = "checkpoint_version")
	private @Nullable String checkpointVersion;

	@Column(name = "check_if_update_available")
	private @Nullable Boolean checkIfUpdateAvailable;

	@Column(name = "user_agent")
	private @Nullable String userAgent;

	@Column(name = "client_timestamp")
	private @Nullable Instant clientTimestamp;

	protected NaivePing() {
	}

	/** The row for a check ping, keyed by its client_event_id or a random one. */
	static NaivePing of(Ping ping) {
		NaivePing row = new NaivePing();
		row.clientEventId = (ping.clientEventId() != null) ? ping.clientEventId() : UUID.randomUUID().toString();
		row.receivedAt = ping.receivedAt();
		row.kind = ping.kind().code;
		row.product = ping.product();
		row.version = ping.version();
		row.os = ping.os();
		row.arch = ping.arch();
		row.signature = ping.signature();
		row.ci = ping.ci();
		row.previousClientEventId = ping.previousClientEventId();
		row.projectHash = ping.projectHash();
		row.cliPathHash = ping.cliPathHash();
		row.command = ping.command();
		row.information = ping.information();
		row.ciName = ping.ciName();
		row.cliInstallType = ping.cliInstallType();
		row.nodeVersion = ping.nodeVersion();
		row.schemaProviders = array(ping.schemaProviders());
		row.schemaPreviewFeatures = array(ping.schemaPreviewFeatures());
		row.schemaGeneratorsProviders = array(ping.schemaGeneratorsProviders());
		row.checkpointVersion = ping.checkpointVersion();
		row.checkIfUpdateAvailable = ping.checkIfUpdateAvailable();
		row.userAgent = ping.userAgent();
		row.clientTimestamp = ping.clientTimestamp();
		return row;
	}

	private static String @Nullable [] array(List<String> values) {
		return values.isEmpty() ? null : values.toArray(String[]::new);
	}

	@Override
	public String getId() {
		return this.clientEventId;
	}

	@Override
	@Transient
	public boolean isNew() {
		return true;
	}

	Instant getReceivedAt() {
		return this.receivedAt;
	}

	String getProduct() {
		return this.product;
	}

	@Nullable UUID getSignature() {
		return this.signature;
	}

	@Nullable Boolean getCi() {
		return this.ci;
	}

}
