package dev.checkpoint.shared;

import java.util.List;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link OwnBodyLimit}, looked up once at the first request (the beans of
 * the other modules exist by then) and asked in order.
 */
@Component
class OwnBodyLimits {

	private final ObjectProvider<OwnBodyLimit> provider;

	private volatile @Nullable List<OwnBodyLimit> limits;

	OwnBodyLimits(ObjectProvider<OwnBodyLimit> provider) {
		this.provider = provider;
	}

	/** The own limit of the route the request is for, if it has one. */
	OptionalLong find(HttpServletRequest request) {
		List<OwnBodyLimit> all = this.limits;
		if (all == null) {
			all = this.provider.orderedStream().toList();
			this.limits = all;
		}
		for (OwnBodyLimit limit : all) {
			OptionalLong max = limit.maxBodySize(request);
			if (max.isPresent()) {
				return max;
			}
		}
		return OptionalLong.empty();
	}

}
