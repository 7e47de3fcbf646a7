package dev.checkpoint.errorreports;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.jspecify.annotations.Nullable;

/**
 * One crash report as stored: text redacted and truncated, the signature as a uuid, and
 * the integer {@code number} that users quote (the Prisma CLI prints it).
 */
@Entity
@Table(name = "error_reports")
class ErrorReport {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	@Column(name = "id", nullable = false, updatable = false)
	private @Nullable UUID id;

	@Generated
	@Column(name = "number", insertable = false, updatable = false)
	private @Nullable Long number;

	@Convert(converter = Consent.Column.class)
	@Column(name = "consent", nullable = false, updatable = false)
	private Consent consent = Consent.EXPLICIT;

	@Column(name = "group_id", nullable = false, updatable = false)
	private UUID groupId = new UUID(0, 0);

	@Column(name = "received_at", nullable = false, updatable = false)
	private Instant receivedAt = Instant.EPOCH;

	@Column(name = "product", nullable = false, updatable = false)
	private String product = "";

	@Column(name = "version", nullable = false)
	private String version = "";

	@Column(name = "os")
	private @Nullable String os;

	@Column(name = "arch")
	private @Nullable String arch;

	@Column(name = "node_version")
	private @Nullable String nodeVersion;

	@Column(name = "signature")
	private @Nullable UUID signature;

	@Column(name = "command")
	private @Nullable String command;

	@Column(name = "message", nullable = false)
	private String message = "";

	@Column(name = "stack_trace")
	private @Nullable String stackTrace;

	@Embedded
	private @Nullable PrismaDetails prisma;

	@Column(name = "completed_at", insertable = false, updatable = false)
	private @Nullable Instant completedAt;

	protected ErrorReport() {
	}

	ErrorReport(UUID groupId, Instant receivedAt, String product, Consent consent) {
		this.groupId = groupId;
		this.receivedAt = receivedAt;
		this.product = product;
		this.consent = consent;
	}

	UUID getId() {
		if (this.id == null) {
			throw new IllegalStateException("Error report is not saved yet");
		}
		return this.id;
	}

	long getNumber() {
		if (this.number == null) {
			throw new IllegalStateException("Error report is not saved yet");
		}
		return this.number;
	}

	Consent getConsent() {
		return this.consent;
	}

	UUID getGroupId() {
		return this.groupId;
	}

	Instant getReceivedAt() {
		return this.receivedAt;
	}

	String getProduct() {
		return this.product;
	}

	String getVersion() {
		return this.version;
	}

	void setVersion(String version) {
		this.version = version;
	}

	@Nullable String getOs() {
		return this.os;
	}

	void setOs(@Nullable String os) {
		this.os = os;
	}

	@Nullable String getArch() {
		return this.arch;
	}

	void setArch(@Nullable String arch) {
		this.arch = arch;
	}

	@Nullable String getNodeVersion() {
		return this.nodeVersion;
	}

	void setNodeVersion(@Nullable String nodeVersion) {
		this.nodeVersion = nodeVersion;
	}

	@Nullable UUID getSignature() {
		return this.signature;
	}

	void setSignature(@Nullable UUID signature) {
		this.signature = signature;
	}

	@Nullable String getCommand() {
		return this.command;
	}

	void setCommand(@Nullable String command) {
		this.command = command;
	}

	String getMessage() {
		return this.message;
	}

	void setMessage(String message) {
		this.message = message;
	}

	@Nullable String getStackTrace() {
		return this.stackTrace;
	}

	void setStackTrace(@Nullable String stackTrace) {
		this.stackTrace = stackTrace;
	}

	/** When the Prisma CLI completed the report; written by SQL, never by this entity. */
	@Nullable Instant getCompletedAt() {
		return this.completedAt;
	}

	@Nullable PrismaDetails getPrisma() {
		return this.prisma;
	}

	void setPrisma(@Nullable PrismaDetails prisma) {
		this.prisma = prisma;
	}

}
