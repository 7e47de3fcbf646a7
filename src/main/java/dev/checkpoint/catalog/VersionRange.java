package dev.checkpoint.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.checkpoint.shared.Version;
import org.jspecify.annotations.Nullable;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;
import org.semver4j.SemverException;

/**
 * A set of versions in npm's range grammar, matched by semver4j: comparators joined by
 * spaces must all hold ({@code >=5.0.0 <5.4.2}), alternatives are joined by {@code ||},
 * and {@code ^1.2.3}, {@code ~1.2}, x-ranges ({@code 1.x}, {@code 1.2.*}) and hyphen
 * ranges ({@code 1.2.3 - 2.3.4}) stand for what npm makes of them; {@code *} (or an empty
 * text) is every version. Pre-releases count as the versions they are
 * ({@code 5.4.2-dev.1} is under {@code <5.4.2}), as the hand-written parser this replaces
 * had it, where npm would leave them out.
 */
final class VersionRange {

	/** One comparator or partial version of the grammar; anything else is refused. */
	private static final Pattern TOKEN = Pattern.compile(
			"(\\^|~|>=|<=|>|<|=)?v?(\\d+|[xX*])(\\.(\\d+|[xX*])){0,2}(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?|-|[xX*]");

	/** An operator followed by spaces, which npm allows ({@code >= 1.0.0}). */
	private static final Pattern SPACED_OPERATOR = Pattern.compile("(\\^|~|>=|<=|>|<|=)\\s+");

	private final RangesList ranges;

	private final boolean everything;

	private VersionRange(RangesList ranges, boolean everything) {
		this.ranges = ranges;
		this.everything = everything;
	}

	static Optional<VersionRange> parse(String text) {
		String normalised = SPACED_OPERATOR.matcher(text.trim()).replaceAll("$1");
		boolean everything = false;
		for (String alternative : normalised.split("\\|\\|", -1)) {
			String trimmed = alternative.trim();
			if (trimmed.isEmpty() || trimmed.equals("*") || trimmed.equalsIgnoreCase("x")) {
				everything = true;
				continue;
			}
			if (!wellFormed(trimmed.split("\\s+"))) {
				return Optional.empty();
			}
		}
		try {
			RangesList ranges = RangesListFactory.create(normalised, true);
			if (!everything && ranges.get().isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new VersionRange(ranges, everything));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether every token is a comparator or partial version, and a hyphen stands between
	 * two plain versions ({@code 1.2.3 - 2.3.4}).
	 */
	private static boolean wellFormed(String[] tokens) {
		for (int i = 0; i < tokens.length; i++) {
			if (!TOKEN.matcher(tokens[i]).matches()) {
				return false;
			}
			if (tokens[i].equals("-") && (i == 0 || i == tokens.length - 1 || !plain(tokens[i - 1])
					|| !plain(tokens[i + 1]) || tokens.length != 3)) {
				return false;
			}
		}
		return true;
	}

	private static boolean plain(String token) {
		return !token.equals("-") && Character.isDigit(token.charAt(token.startsWith("v") ? 1 : 0));
	}

	boolean isEverything() {
		return this.everything;
	}

	boolean contains(Version version) {
		return contains(semver(version));
	}

	/**
	 * Whether the version, as {@link #semver} made it, is in the range (null, a version
	 * semver4j cannot read, is only in every version).
	 */
	boolean contains(@Nullable Semver version) {
		return this.everything || (version != null && this.ranges.isSatisfiedBy(version));
	}

	/**
	 * The version as semver4j matches it, made once per check rather than once per notice
	 * (it parses the text again), or null when it cannot read it.
	 */
	static @Nullable Semver semver(@Nullable Version version) {
		if (version == null) {
			return null;
		}
		try {
			return new Semver(version.toString());
		}
		catch (SemverException ex) {
			return null;
		}
	}

}
