package dev.checkpoint.shared;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A leniently parsed semantic version ({@code 5.13.0-dev.13}, {@code 1.6.0-beta1},
 * {@code v0.12}, ...) ordered by semver precedence, pre-releases included.
 */
public final class Version implements Comparable<Version> {

	private static final Pattern PATTERN = Pattern.compile(
			"^[vV]?(\\d{1,18})(?:\\.(\\d{1,18}))?(?:\\.(\\d{1,18}))?(?:[-.]?([0-9A-Za-z][0-9A-Za-z.-]*))?(?:\\+[0-9A-Za-z.-]*)?$");

	/** The channel of releases without a pre-release. */
	public static final String DEFAULT_CHANNEL = "latest";

	private final long major;

	private final long minor;

	private final long patch;

	private final List<String> preRelease;

	private Version(long major, long minor, long patch, List<String> preRelease) {
		this.major = major;
		this.minor = minor;
		this.patch = patch;
		this.preRelease = preRelease;
	}

	/** The version {@code text} names, if it is one. */
	public static Optional<Version> parse(String text) {
		Matcher matcher = PATTERN.matcher(text.trim());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String pre = matcher.group(4);
		List<String> preRelease = (pre != null) ? Arrays.stream(pre.split("\\.")).filter((s) -> !s.isEmpty()).toList()
				: List.of();
		return Optional.of(new Version(Long.parseLong(matcher.group(1)), number(matcher.group(2)),
				number(matcher.group(3)), preRelease));
	}

	/** Whether {@code text} is a version. */
	public static boolean isValid(String text) {
		return parse(text).isPresent();
	}

	private static long number(String group) {
		return (group != null) ? Long.parseLong(group) : 0;
	}

	/**
	 * The release channel a version belongs to: {@code latest} for a release, else the
	 * name of its pre-release ({@code dev} for {@code 5.13.0-dev.13}, {@code beta} for
	 * {@code 1.6.0-beta1}).
	 */
	public String channel() {
		if (this.preRelease.isEmpty()) {
			return DEFAULT_CHANNEL;
		}
		String name = this.preRelease.get(0).replaceFirst("\\d+$", "").replaceFirst("-$", "");
		return name.isEmpty() ? DEFAULT_CHANNEL : name.toLowerCase(Locale.ROOT);
	}

	@Override
	public int compareTo(Version other) {
		int result = Long.compare(this.major, other.major);
		if (result == 0) {
			result = Long.compare(this.minor, other.minor);
		}
		if (result == 0) {
			result = Long.compare(this.patch, other.patch);
		}
		return (result != 0) ? result : comparePreRelease(this.preRelease, other.preRelease);
	}

	private static int comparePreRelease(List<String> left, List<String> right) {
		if (left.isEmpty() || right.isEmpty()) {
			return Boolean.compare(left.isEmpty(), right.isEmpty());
		}
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			int result = compareIdentifier(left.get(i), right.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

	private static int compareIdentifier(String left, String right) {
		boolean leftNumeric = left.chars().allMatch(Character::isDigit);
		boolean rightNumeric = right.chars().allMatch(Character::isDigit);
		if (leftNumeric && rightNumeric) {
			return new BigInteger(left).compareTo(new BigInteger(right));
		}
		if (leftNumeric != rightNumeric) {
			return leftNumeric ? -1 : 1;
		}
		return left.compareTo(right);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Version version && compareTo(version) == 0;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.major) * 31 * 31 + Long.hashCode(this.minor) * 31 + Long.hashCode(this.patch)
				+ this.preRelease.hashCode();
	}

	@Override
	public String toString() {
		String core = this.major + "." + this.minor + "." + this.patch;
		return this.preRelease.isEmpty() ? core : core + "-" + String.join(".", this.preRelease);
	}

}
