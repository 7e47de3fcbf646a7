package dev.checkpoint.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalises the os and arch names that clients send ({@code x64} is {@code amd64},
 * {@code win32} is {@code windows}) for matching and reporting. Raw values are stored.
 * <p>
 * One ordered list of spellings per dimension gives both the normalisation in Java (the
 * catalogue matches notices with it) and the same normalisation as an SQL expression
 * (reports apply it to the stored raw values): a value is trimmed of {@link #TRIMMED},
 * lower-cased, and replaced by the name it spells, if any. Both agree on ASCII values;
 * PostgreSQL lower-cases other letters as the database's locale says.
 */
public final class Platforms {

	/** The os names, each with the spellings that mean it, in order. */
	static final List<Name> OS = List.of(new Name("windows", "win32", "win", "win64", "windows_nt"),
			new Name("darwin", "macos", "mac", "osx"));

	/** The arch names, each with the spellings that mean it, in order. */
	static final List<Name> ARCH = List.of(new Name("amd64", "x64", "x86_64", "x86-64"),
			new Name("386", "ia32", "x86", "i386", "i686"), new Name("arm64", "aarch64", "armv8"));

	/** The characters trimmed from both ends of a value. */
	static final String TRIMMED = " \t\n\r\f";

	private static final Map<String, String> OS_BY_SPELLING = bySpelling(OS);

	private static final Map<String, String> ARCH_BY_SPELLING = bySpelling(ARCH);

	private Platforms() {
	}

	public static String os(String os) {
		return normalise(os, OS_BY_SPELLING);
	}

	public static String arch(String arch) {
		return normalise(arch, ARCH_BY_SPELLING);
	}

	/** The SQL expression that normalises {@code column} as {@link #os} does. */
	public static String osSql(String column) {
		return sql(column, OS);
	}

	/** The SQL expression that normalises {@code column} as {@link #arch} does. */
	public static String archSql(String column) {
		return sql(column, ARCH);
	}

	private static String normalise(String value, Map<String, String> bySpelling) {
		String key = trim(value).toLowerCase(Locale.ROOT);
		return bySpelling.getOrDefault(key, key);
	}

	private static String trim(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && TRIMMED.indexOf(value.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && TRIMMED.indexOf(value.charAt(end - 1)) >= 0) {
			end--;
		}
		return value.substring(start, end);
	}

	private static String sql(String column, List<Name> names) {
		StringBuilder trimmed = new StringBuilder();
		TRIMMED.chars().forEach((character) -> trimmed.append("\\x%02x".formatted(character)));
		String key = "lower(btrim(%s, E'%s'))".formatted(column, trimmed);
		StringBuilder sql = new StringBuilder("case ").append(key);
		for (Name name : names) {
			for (String spelling : name.spellings()) {
				sql.append(" when '").append(spelling).append("' then '").append(name.name()).append('\'');
			}
		}
		return sql.append(" else ").append(key).append(" end").toString();
	}

	private static Map<String, String> bySpelling(List<Name> names) {
		Map<String, String> bySpelling = new HashMap<>();
		for (Name name : names) {
			for (String spelling : name.spellings()) {
				if (bySpelling.put(spelling, name.name()) != null) {
					throw new IllegalStateException("'" + spelling + "' spells two names");
				}
			}
		}
		return Map.copyOf(bySpelling);
	}

	/**
	 * A normalised name and the other spellings that mean it: lower case letters, digits,
	 * {@code _} and {@code -} only, so that they match a lower-cased value and need no
	 * quoting in SQL.
	 */
	record Name(String name, List<String> spellings) {

		private static final Pattern PLAIN = Pattern.compile("[a-z0-9_-]+");

		Name(String name, String... spellings) {
			this(name, List.of(spellings));
		}

		Name {
			if (!PLAIN.matcher(name).matches() || !spellings.stream().allMatch((s) -> PLAIN.matcher(s).matches())) {
				throw new IllegalArgumentException("Not a plain lower-case name: " + name + " " + spellings);
			}
		}

	}

}
