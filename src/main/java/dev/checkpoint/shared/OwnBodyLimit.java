package dev.checkpoint.shared;

import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A module's routes that cap their request bodies themselves, with limits and error
 * answers of their own (a larger upload, a client protocol's error shape). The general
 * body limit does not refuse their requests: the body is read within the route's limit
 * (and the read deadline) and handed on, one byte longer when it is too long, so that the
 * route answers in its own shape.
 */
@FunctionalInterface
public interface OwnBodyLimit {

	/** The route's own body limit in bytes, when the request is for one of its routes. */
	OptionalLong maxBodySize(HttpServletRequest request);

}
