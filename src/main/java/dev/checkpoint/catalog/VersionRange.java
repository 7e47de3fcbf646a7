package dev.checkpoint.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.checkpoint.shared.Version;

/**
 * A set of versions such as {@code >=5.0.0 <5.4.2}: comparators joined by spaces must all
 * hold; alternatives are joined by {@code ||}; {@code *} (or an empty text) is every
 * version.
 */
final class VersionRange {

	private static final Pattern COMPARATOR = Pattern.compile("^(>=|<=|>|<|=)?(.+)$");

	private final List<List<Comparator>> alternatives;

	private VersionRange(List<List<Comparator>> alternatives) {
		this.alternatives = alternatives;
	}

	static Optional<VersionRange> parse(String text) {
		List<List<Comparator>> alternatives = new ArrayList<>();
		for (String alternative : text.split("\\|\\|", -1)) {
			List<Comparator> comparators = new ArrayList<>();
			for (String token : alternative.trim().split("\\s+")) {
				if (token.isEmpty() || token.equals("*")) {
					continue;
				}
				Optional<Comparator> comparator = Comparator.parse(token);
				if (comparator.isEmpty()) {
					return Optional.empty();
				}
				comparators.add(comparator.get());
			}
			alternatives.add(List.copyOf(comparators));
		}
		return Optional.of(new VersionRange(List.copyOf(alternatives)));
	}

	boolean isEverything() {
		return this.alternatives.stream().anyMatch(List::isEmpty);
	}

	boolean contains(Version version) {
		return this.alternatives.stream()
			.anyMatch((comparators) -> comparators.stream().allMatch((c) -> c.test(version)));
	}

	private record Comparator(String operator, Version version) {

		static Optional<Comparator> parse(String token) {
			Matcher matcher = COMPARATOR.matcher(token);
			if (!matcher.matches()) {
				return Optional.empty();
			}
			String operator = (matcher.group(1) != null) ? matcher.group(1) : "=";
			return Version.parse(matcher.group(2)).map((version) -> new Comparator(operator, version));
		}

		boolean test(Version candidate) {
			int result = candidate.compareTo(this.version);
			return switch (this.operator) {
				case ">=" -> result >= 0;
				case "<=" -> result <= 0;
				case ">" -> result > 0;
				case "<" -> result < 0;
				default -> result == 0;
			};
		}

	}

}
