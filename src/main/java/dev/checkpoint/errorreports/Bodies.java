package dev.checkpoint.errorreports;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body within a limit, whatever its Content-Type or framing.
 */
final class Bodies {

	private Bodies() {
	}

	/**
	 * @return the body, or nothing when it is larger than {@code limit} bytes (by its
	 * Content-Length, before anything is read, or as it is read)
	 */
	static Optional<byte[]> read(HttpServletRequest request, long limit) throws IOException {
		int max = (int) Math.min(Integer.MAX_VALUE - 1, limit);
		if (request.getContentLengthLong() > max) {
			return Optional.empty();
		}
		byte[] bytes = request.getInputStream().readNBytes(max + 1);
		return (bytes.length > max) ? Optional.empty() : Optional.of(bytes);
	}

}
