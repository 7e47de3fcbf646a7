package dev.checkpoint.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the admin setup token, if it is needed, once the server is ready, so that its log
 * line comes last. A failure is logged and the server keeps serving: the clients' routes
 * do not need an admin.
 */
@Component
class AdminSetupTokenStartup {

	private static final Logger log = LoggerFactory.getLogger(AdminSetupTokenStartup.class);

	private final AdminSetupToken setupToken;

	AdminSetupTokenStartup(AdminSetupToken setupToken) {
		this.setupToken = setupToken;
	}

	@EventListener(ApplicationReadyEvent.class)
	void issueIfNoAdminToken() {
		try {
			this.setupToken.issueIfNoAdminToken();
		}
		catch (RuntimeException ex) {
			log.warn("No admin setup token was made ({}); create the first ADMIN token with "
					+ "checkpoint.security.bootstrap-admin-token instead", ex.getMessage());
		}
	}

}
