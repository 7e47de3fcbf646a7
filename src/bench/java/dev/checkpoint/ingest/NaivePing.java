package dev.checkpoint.ingest;

import java.time.Instant;
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

	@Column(name = "product_id", nullable = false)
	private int productId;

	@Column(name = "shape_id", nullable = false)
	private int shapeId;

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

	@Column(name = "check_if_update_available")
	private @Nullable Boolean checkIfUpdateAvailable;

	@Column(name = "client_timestamp")
	private @Nullable Instant clientTimestamp;

	protected NaivePing() {
	}

	/**
	 * The row for a check ping of the given product and shape ids, keyed by its client_event_id or a
	 * random one.
	 */
	static NaivePing of(Ping ping, int productId, int shapeId) {
		NaivePing row = new NaivePing();
		row.productId = productId;
		row.shapeId = shapeId;
		row.clientEventId = (ping.clientEventId() != null) ? ping.clientEventId() : UUID.randomUUID().toString();
		row.receivedAt = ping.receivedAt();
		row.kind = ping.kind().code;
		row.signature = ping.signature();
		row.ci = ping.ci();
		row.previousClientEventId = ping.previousClientEventId();
		row.projectHash = ping.projectHash();
		row.cliPathHash = ping.cliPathHash();
		row.command = ping.command();
		row.information = ping.information();
		row.checkIfUpdateAvailable = ping.checkIfUpdateAvailable();
		row.clientTimestamp = ping.clientTimestamp();
		return row;
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

	@Nullable UUID getSignature() {
		return this.signature;
	}

	@Nullable Boolean getCi() {
		return this.ci;
	}

}
