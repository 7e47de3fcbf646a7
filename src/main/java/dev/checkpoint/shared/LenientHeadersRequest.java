package dev.checkpoint.shared;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A request without the headers Spring MVC cannot cope with: a wildcard Content-Type
 * ({@code *}{@code /*}, {@code application/*}; a 500 in Spring MVC) and an Accept that is
 * not a list of media types (no answer could be written, not even a problem). Both are
 * treated as absent, which routes that ignore them (go-checkpoint's run report) never
 * notice.
 */
final class LenientHeadersRequest extends HttpServletRequestWrapper {

	private final Set<String> hidden;

	private LenientHeadersRequest(HttpServletRequest request, Set<String> hidden) {
		super(request);
		this.hidden = hidden;
	}

	static HttpServletRequest of(HttpServletRequest request) {
		Set<String> hidden = new TreeSet<>();
		String contentType = request.getContentType();
		if (contentType != null && isWildcard(contentType)) {
			hidden.add(HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT));
		}
		for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
			if (!isMediaTypeList(accept)) {
				hidden.add(HttpHeaders.ACCEPT.toLowerCase(Locale.ROOT));
			}
		}
		return hidden.isEmpty() ? request : new LenientHeadersRequest(request, hidden);
	}

	private static boolean isWildcard(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean isMediaTypeList(String accept) {
		try {
			MediaType.parseMediaTypes(accept);
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	@Override
	public @Nullable String getContentType() {
		return isHidden(HttpHeaders.CONTENT_TYPE) ? null : super.getContentType();
	}

	@Override
	public @Nullable String getHeader(String name) {
		return isHidden(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return isHidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections
			.enumeration(Collections.list(super.getHeaderNames()).stream().filter((name) -> !isHidden(name)).toList());
	}

	private boolean isHidden(String name) {
		return this.hidden.contains(name.toLowerCase(Locale.ROOT));
	}

}
