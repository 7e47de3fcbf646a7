package dev.checkpoint.shared;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body at {@code checkpoint.request-limits.max-body-size} (64 KiB)
 * before security or any route reads it: a larger Content-Length answers 413 at once; a
 * chunked body is read up to the limit (and answered 413 beyond it, or 400 through the
 * error page when its framing is broken) and then handed on from memory. Headers Spring
 * MVC cannot cope with are dropped on the way ({@link LenientHeadersRequest}). Routes
 * that cap their bodies themselves ({@link OwnBodyLimit}) are let through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final int limit;

	private final ObjectProvider<OwnBodyLimit> ownLimits;

	/** Resolved at the first request: beans of other modules exist by then. */
	private volatile @Nullable List<OwnBodyLimit> own;

	RequestBodyLimitFilter(RequestLimitsProperties properties, ObjectProvider<OwnBodyLimit> ownLimits) {
		this.limit = (int) Math.min(Integer.MAX_VALUE - 1, properties.maxBodySize().toBytes());
		this.ownLimits = ownLimits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (coveredByOwnLimit(request)) {
			chain.doFilter(LenientHeadersRequest.of(request), response);
			return;
		}
		if (request.getContentLengthLong() > this.limit) {
			tooLarge(response);
			return;
		}
		if (request.getContentLengthLong() >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			chain.doFilter(LenientHeadersRequest.of(request), response);
			return;
		}
		byte[] body;
		try {
			body = request.getInputStream().readNBytes(this.limit + 1);
		}
		catch (IOException ex) {
			// Tomcat has already failed the request (400) and suspended the response:
			// its error page, or else ProblemErrorReportValve, answers with a problem
			return;
		}
		if (body.length > this.limit) {
			tooLarge(response);
			return;
		}
		chain.doFilter(LenientHeadersRequest.of(new BufferedBodyRequest(request, body)), response);
	}

	private boolean coveredByOwnLimit(HttpServletRequest request) {
		List<OwnBodyLimit> limits = this.own;
		if (limits == null) {
			limits = this.ownLimits.orderedStream().toList();
			this.own = limits;
		}
		for (OwnBodyLimit limit : limits) {
			if (limit.covers(request)) {
				return true;
			}
		}
		return false;
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		ProblemJson.write(response, 413, "The request body is larger than " + this.limit + " bytes.");
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
