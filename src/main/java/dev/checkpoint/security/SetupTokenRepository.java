package dev.checkpoint.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hash of the admin setup token, in the one-row table {@code admin_setup_token}. A
 * stored hash counts only while no live ADMIN token exists: this one condition decides it
 * for every instance, whatever made the ADMIN token.
 */
@Repository
class SetupTokenRepository {

	private static final String NO_LIVE_ADMIN_TOKEN = "not exists (select 1 from api_tokens "
			+ "where role = 'ADMIN' and revoked_at is null)";

	private final JdbcClient jdbc;

	SetupTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for, and holds until the transaction ends, the lock that orders the
	 * instances' changes to the setup token and the creation of ADMIN tokens.
	 */
	void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('checkpoint.security.setup-token'))").query().listOfRows();
	}

	boolean liveAdminTokenExists() {
		return !this.jdbc.sql("select " + NO_LIVE_ADMIN_TOKEN).query(Boolean.class).single();
	}

	/** Whether {@code tokenHash} is the stored hash and no live ADMIN token exists. */
	boolean isLive(String tokenHash) {
		return this.jdbc
			.sql("select exists (select 1 from admin_setup_token where token_hash = ? and " + NO_LIVE_ADMIN_TOKEN + ")")
			.param(tokenHash)
			.query(Boolean.class)
			.single();
	}

	Optional<Stored> find() {
		return this.jdbc.sql("select token_hash, created_at from admin_setup_token")
			.query((rs, row) -> new Stored(rs.getString("token_hash"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	void insert(String tokenHash, Instant createdAt) {
		this.jdbc.sql("insert into admin_setup_token (token_hash, created_at) values (?, ?)")
			.params(tokenHash, Timestamp.from(createdAt))
			.update();
	}

	/** Deletes the stored hash; answers whether there was one. */
	boolean delete() {
		return this.jdbc.sql("delete from admin_setup_token").update() > 0;
	}

	record Stored(String tokenHash, Instant createdAt) {
	}

}
