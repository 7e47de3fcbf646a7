package dev.checkpoint.errorreports;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes secrets and user names from crash text before it is stored: authorization
 * headers and bearer tokens, {@code key=value} secrets (token, api_key, password, ...),
 * well-known token formats (GitHub, npm, AWS, JWT, Slack, Stripe, Checkpoint), private
 * keys, passwords in {@code scheme://user:password@host} URLs, and the user part of home
 * directories. Every pattern is bounded so that 64 KiB of hostile text stays linear.
 */
final class SecretRedactor {

	static final String REDACTED = "[REDACTED]";

	static final String USER = "[USER]";

	private static final List<Rule> RULES = List.of(
			rule("-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----(?s:.){0,16384}?-----END [A-Z ]{0,40}PRIVATE KEY-----",
					(match) -> REDACTED),
			// scheme://user:password@host keeps the user, hides the password (up to the
			// last @)
			rule("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,31}://)([^\\s:/?#@\"'<>]{0,256}):([^\\s\"'<>]{1,512})@",
					(match) -> match.group(1) + match.group(2) + ":" + REDACTED + "@"),
			// Authorization: Bearer xxx / Basic xxx / token xxx
			rule("(?i)(\\bauthorization[\"']?\\s{0,8}[:=]\\s{0,8}[\"']?)((?:bearer|basic|token|digest)\\s{1,8})?"
					+ "[^\\s\"',;]{1,4096}", (match) -> match.group(1) + nullToEmpty(match.group(2)) + REDACTED),
			rule("(?i)\\b(bearer\\s{1,8})[A-Za-z0-9._~+/-]{1,4096}=*", (match) -> match.group(1) + REDACTED),
			// token=..., api_key: "...", "password": "...", GITHUB_TOKEN=...
			rule("(?i)(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{0,40}"
					+ "(?:token|api[_-]?key|apikey|secret|passw(?:or)?d|passphrase|pwd|credentials?|auth[_-]?key)"
					+ "[A-Za-z0-9_.-]{0,40})([\"']?\\s{0,8}[:=]\\s{0,8})"
					+ "(?:\"[^\"\\n]{0,4096}\"|'[^'\\n]{0,4096}'|(?!\\[REDACTED])[^\\s\"'&,;)}\\]]{1,4096})",
					SecretRedactor::keyValue),
			rule("\\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})\\b", (match) -> REDACTED),
			rule("\\bnpm_[A-Za-z0-9]{20,255}\\b", (match) -> REDACTED),
			rule("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\\b", (match) -> REDACTED),
			rule("\\beyJ[A-Za-z0-9_-]{1,8192}\\.[A-Za-z0-9_-]{1,8192}\\.[A-Za-z0-9_-]{0,8192}", (match) -> REDACTED),
			rule("\\bxox[abposr]-[A-Za-z0-9-]{10,255}", (match) -> REDACTED),
			rule("\\b[rs]k_(?:live|test)_[A-Za-z0-9]{10,255}\\b", (match) -> REDACTED),
			rule("\\bcpt_[A-Za-z0-9_-]{16,255}", (match) -> REDACTED),
			// home directories: /home/alice, /Users/alice, C:\Users\alice (also as \\ in
			// JSON)
			rule("(/home/|/Users/|(?i:\\b[A-Z]:(?:\\\\{1,2}|/)Users(?:\\\\{1,2}|/))|\\\\{1,2}Users\\\\{1,2})"
					+ "(?!\\[USER])[^\\\\/\\s\"'`:;,)<>]{1,128}", (match) -> match.group(1) + USER));

	private SecretRedactor() {
	}

	/** The text without secrets and with {@code [USER]} for home directory owners. */
	static String redact(String text) {
		String result = text;
		for (Rule rule : RULES) {
			result = rule.apply(result);
		}
		return result;
	}

	private static String keyValue(MatchResult match) {
		String value = match.group(0).substring(match.group(1).length() + match.group(2).length());
		String quote = (value.startsWith("\"") || value.startsWith("'")) ? value.substring(0, 1) : "";
		return match.group(1) + match.group(2) + quote + REDACTED + quote;
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static Rule rule(String regex, Function<MatchResult, String> replacement) {
		return new Rule(Pattern.compile(regex), replacement);
	}

	private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {

		String apply(String text) {
			Matcher matcher = this.pattern.matcher(text);
			return matcher.replaceAll((match) -> Matcher.quoteReplacement(this.replacement.apply(match)));
		}

	}

}
