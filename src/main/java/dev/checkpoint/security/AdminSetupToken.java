package dev.checkpoint.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

import dev.checkpoint.audit.AuditLog;
import dev.checkpoint.security.SetupTokenRepository.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one-time admin setup token, for a server with no ADMIN token yet, as Jenkins'
 * initial admin password: a start that finds no live ADMIN token and no bootstrap token
 * makes one, stores its hash (so every replica accepts it) and writes the token to
 * {@code checkpoint.security.setup-token-file} on this instance. It is accepted as ADMIN,
 * named {@link #NAME} in the audit log, until a named ADMIN token is created, with it or
 * otherwise: then its hash is deleted, and its file by the instance that created the
 * ADMIN token (any other instance deletes its copy at its next start). While a bootstrap
 * token is configured it is neither made nor accepted.
 */
@Service
class AdminSetupToken {

	static final String NAME = "setup-token";

	private static final String ENTITY_TYPE = "admin_setup_token";

	private static final Logger log = LoggerFactory.getLogger(AdminSetupToken.class);

	private final SetupTokenRepository repository;

	private final SetupTokenFile file;

	private final BootstrapAdminToken bootstrap;

	private final AuditLog auditLog;

	private final Clock clock;

	AdminSetupToken(SetupTokenRepository repository, BootstrapAdminToken bootstrap, AuditLog auditLog, Clock clock,
			SecurityProperties properties) {
		this.repository = repository;
		this.file = new SetupTokenFile(properties.setupTokenFile());
		this.bootstrap = bootstrap;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Makes the setup token when no ADMIN token and no bootstrap token exist, or says
	 * where the unused one is; deletes one that an ADMIN token has made useless.
	 */
	@Transactional
	void issueIfNoAdminToken() {
		if (this.bootstrap.isConfigured()) {
			return;
		}
		this.repository.lock();
		if (this.repository.liveAdminTokenExists()) {
			retire();
			return;
		}
		this.repository.find().ifPresentOrElse(this::reportUnused, this::issue);
	}

	/**
	 * Whether {@code tokenHash} is the hash of a live setup token: one statement, and
	 * none while a bootstrap token is configured.
	 */
	boolean matches(String tokenHash) {
		return !this.bootstrap.isConfigured() && this.repository.isLive(tokenHash);
	}

	/**
	 * Ends the setup token, as an ADMIN token is created in the caller's transaction; its
	 * file here is deleted once that commits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void retire() {
		this.repository.lock();
		if (this.repository.delete()) {
			this.auditLog.record("setup_token.deleted", ENTITY_TYPE, "1", Map.of());
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deleteFile();
			}
		});
	}

	private void issue() {
		String token = TokenHashes.newToken();
		this.repository.insert(TokenHashes.hash(token), this.clock.instant());
		this.auditLog.record("setup_token.created", ENTITY_TYPE, "1", Map.of("file", this.file.path().toString()));
		try {
			this.file.write(token);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the admin setup token to " + this.file.path(), ex);
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED) {
					log.warn("No ADMIN token exists: the one-time admin setup token is in {} (readable by this user "
							+ "only). Create a named ADMIN token with it (POST /api/admin/tokens, see docs/admin.md); "
							+ "then it stops working and the file is deleted.", AdminSetupToken.this.file.path());
				}
				else {
					deleteFile();
				}
			}
		});
	}

	private void reportUnused(Stored stored) {
		boolean here = this.file.read()
			.filter((token) -> TokenHashes.sameHash(TokenHashes.hash(token), stored.tokenHash()))
			.isPresent();
		if (here) {
			log.warn("The one-time admin setup token is still unused; it is in {}. Create a named ADMIN token with it "
					+ "(POST /api/admin/tokens, see docs/admin.md).", this.file.path());
			return;
		}
		deleteFile();
		log.warn("The one-time admin setup token made at {} is still unused; its file is on the instance that made it "
				+ "({} there). If it is lost, create the first ADMIN token with "
				+ "checkpoint.security.bootstrap-admin-token instead.", stored.createdAt(), this.file.path());
	}

	private void deleteFile() {
		try {
			if (this.file.delete()) {
				log.info("Deleted the admin setup token's file {}: the setup token no longer works", this.file.path());
			}
		}
		catch (IOException ex) {
			log.warn("Could not delete the admin setup token's file {}: {}", this.file.path(), ex.toString());
		}
	}

}
