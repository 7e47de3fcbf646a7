package dev.checkpoint.shared;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body into memory before any route sees it, after authentication and
 * the client rate limits (so a refused request never costs a body), within the body limit
 * and within {@code checkpoint.request-limits.body-read-timeout} in all. A body that
 * trickles in slower answers 408 and its connection is closed: it holds a worker thread
 * for that long at most. Beyond the limit the answer is 413; a body whose chunked framing
 * is broken is left to Tomcat's own 400. Routes with a limit of their own
 * ({@link OwnBodyLimit}) get what arrived within their limit plus one byte, so that they
 * answer a body that is too long in their own shape.
 */
@Component
@Order(RequestBodyBuffer.ORDER)
class RequestBodyBuffer extends OncePerRequestFilter {

	/** After Spring Security's filter chain (-100) and the client rate limits (-95). */
	static final int ORDER = -90;

	private final long limit;

	private final Duration timeout;

	private final OwnBodyLimits ownLimits;

	private final JsonMapper json;

	RequestBodyBuffer(RequestLimitsProperties properties, OwnBodyLimits ownLimits, JsonMapper json) {
		this.limit = properties.maxBodySize().toBytes();
		this.timeout = properties.bodyReadTimeout();
		this.ownLimits = ownLimits;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean hasBody = request.getContentLengthLong() > 0
				|| request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		if (!hasBody) {
			chain.doFilter(request, response);
			return;
		}
		OptionalLong own = this.ownLimits.find(request);
		long max = own.isPresent() ? own.getAsLong() + 1 : this.limit;
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		byte[] buffer = new byte[8192];
		try (InputStream in = request.getInputStream()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				body.write(buffer, 0, read);
				if (body.size() > max) {
					if (own.isPresent()) {
						break;
					}
					ProblemJson.write(this.json, response,
							Problems.forStatus(413, "The request body is larger than " + this.limit + " bytes."));
					return;
				}
				if (System.nanoTime() > deadline) {
					response.setHeader(HttpHeaders.CONNECTION, "close");
					ProblemJson.write(this.json, response,
							Problems.forStatus(408, "The request body did not arrive within " + this.timeout + "."));
					return;
				}
			}
		}
		catch (IOException ex) {
			// Tomcat has already failed the request (400, broken framing) or the client
			// is gone: its error page, or else ProblemErrorReportValve, answers
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body.toByteArray()), response);
	}

	/** The request with its (already read) body served from memory. */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Blocking reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() throws UnsupportedEncodingException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
