package dev.checkpoint.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a token may do: OPERATOR reads reports, ADMIN also publishes and manages tokens.
 */
enum Role {

	OPERATOR, ADMIN;

	List<GrantedAuthority> authorities() {
		return (this == ADMIN)
				? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_OPERATOR"))
				: List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"));
	}

}
