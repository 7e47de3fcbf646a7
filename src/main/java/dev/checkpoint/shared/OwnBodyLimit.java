package dev.checkpoint.shared;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A module's routes that read and cap their request bodies themselves, with limits and
 * error answers of their own (a larger upload, a client protocol's error shape). The
 * general body limit lets their requests through untouched.
 */
@FunctionalInterface
public interface OwnBodyLimit {

	boolean covers(HttpServletRequest request);

}
