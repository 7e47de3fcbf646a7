package dev.checkpoint.errorreports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Groups crashes: the fingerprint is the SHA-256 (hex) of the normalised message and the
 * top {@value #FRAMES} normalised stack frames. The message loses what varies between
 * occurrences of one bug (numbers, hex ids, uuids, quoted strings, home directory owners,
 * {@code :line:column}); a frame keeps only its function name and file base name. Rust
 * frames (numbered native ones, or wasm ones in a JavaScript trace) lose their symbol
 * hashes, and the panic machinery ({@code std::panicking}, {@code rust_begin_unwind},
 * ...) is skipped, so that the frames are those of the code that panicked.
 */
final class Fingerprints {

	static final int FRAMES = 5;

	private static final Pattern UUID_TEXT = Pattern
		.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");

	private static final Pattern QUOTED = Pattern
		.compile("\"[^\"\\n]{0,4096}\"|`[^`\\n]{0,4096}`|(?<![A-Za-z0-9])'[^'\\n]{0,4096}'");

	private static final Pattern HOME = Pattern.compile(
			"(/home/|/Users/|(?i:\\b[A-Z]:(?:\\\\{1,2}|/)Users(?:\\\\{1,2}|/))|\\\\{1,2}Users\\\\{1,2})[^\\\\/\\s\"'`:;,)<>]{1,128}");

	private static final Pattern LINE_COLUMN = Pattern.compile("(?<=[^\\s:]):\\d{1,9}(?::\\d{1,9})?\\b");

	private static final Pattern HEX = Pattern
		.compile("\\b0[xX][0-9a-fA-F]{1,64}\\b|\\b(?=[0-9a-fA-F]{0,63}[0-9])[0-9a-fA-F]{8,64}\\b");

	private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_])\\d{1,64}(?:\\.\\d{1,64}){0,8}");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern AT = Pattern.compile("^\\s*at\\s+(?:async\\s+)?");

	/** {@code fn@location}: Firefox and Safari (Studio in a browser). */
	private static final Pattern AT_SIGN = Pattern.compile("^\\s*([^\\s@]{0,512})@(\\S{1,2048})\\s*$");

	/** {@code File "path", line 1, in fn}: Python. */
	private static final Pattern PYTHON = Pattern
		.compile("^\\s*File \"(.{1,2048}?)\", line \\d+, in (\\S{1,512})\\s*$");

	/** {@code   3: crate::module::function::h0123456789abcdef}: a native Rust frame. */
	private static final Pattern RUST_FRAME = Pattern.compile("^\\s*\\d{1,4}:\\s+(\\S.{0,2047})$");

	private static final Pattern RUST_HASH = Pattern.compile("::h[0-9a-f]{16}\\b");

	private static final Pattern PANIC_MACHINERY = Pattern.compile("std::panicking|core::panicking|std::sys::backtrace"
			+ "|std::backtrace|backtrace::|rust_panic|rust_begin_unwind|__rust_|std::rt::lang_start");

	private Fingerprints() {
	}

	static String of(String message, @Nullable String stackTrace) {
		StringBuilder text = new StringBuilder(normaliseMessage(message));
		for (String frame : topFrames(stackTrace)) {
			text.append('\n').append(frame);
		}
		return sha256(text.toString());
	}

	static String normaliseMessage(String message) {
		String text = UUID_TEXT.matcher(message).replaceAll("<uuid>");
		text = QUOTED.matcher(text).replaceAll("<str>");
		text = HOME.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(match.group(1) + "<user>"));
		text = LINE_COLUMN.matcher(text).replaceAll("");
		text = HEX.matcher(text).replaceAll("<hex>");
		text = NUMBER.matcher(text).replaceAll("<n>");
		return SPACES.matcher(text).replaceAll(" ").strip();
	}

	/**
	 * The first {@value #FRAMES} frames as {@code function@file}, lines without frames
	 * skipped.
	 */
	static List<String> topFrames(@Nullable String stackTrace) {
		List<String> frames = new ArrayList<>(FRAMES);
		if (stackTrace == null) {
			return frames;
		}
		boolean afterRustFrame = false;
		for (String line : stackTrace.split("\\R", 400)) {
			Matcher rust = RUST_FRAME.matcher(line);
			boolean rustFrame = line.length() <= 4096 && rust.matches();
			if (afterRustFrame && !rustFrame && AT.matcher(line).lookingAt()) {
				continue; // the location line of the native Rust frame before
			}
			afterRustFrame = rustFrame;
			String frame = rustFrame ? RUST_HASH.matcher(rust.group(1).strip()).replaceAll("") : frame(line);
			if (frame != null && !PANIC_MACHINERY.matcher(frame).find()) {
				frames.add(frame);
				if (frames.size() == FRAMES) {
					break;
				}
			}
		}
		return frames;
	}

	private static @Nullable String frame(String line) {
		if (line.length() > 4096) {
			return null;
		}
		Matcher at = AT.matcher(line);
		if (at.lookingAt()) {
			return atFrame(line.substring(at.end()).strip());
		}
		Matcher matcher = PYTHON.matcher(line);
		if (matcher.matches()) {
			return function(matcher.group(2)) + "@" + baseName(matcher.group(1));
		}
		matcher = AT_SIGN.matcher(line);
		if (matcher.matches() && matcher.group(2).contains(":")) {
			return function(matcher.group(1)) + "@" + baseName(matcher.group(2));
		}
		return null;
	}

	/**
	 * {@code fn (location)} (Node.js), {@code a.B.m(B.java:1)} (Java) or a bare
	 * {@code location} (Node.js anonymous frames).
	 */
	private static @Nullable String atFrame(String frame) {
		if (frame.isEmpty()) {
			return null;
		}
		int open = frame.indexOf('(');
		if (open > 0 && frame.endsWith(")")) {
			return function(frame.substring(0, open)) + "@" + baseName(frame.substring(open + 1, frame.length() - 1));
		}
		if (frame.chars().anyMatch(Character::isWhitespace)) {
			return null;
		}
		return "<anonymous>@" + baseName(frame);
	}

	private static String function(String name) {
		String function = RUST_HASH.matcher(name.strip()).replaceAll("");
		return function.isEmpty() ? "<anonymous>" : function;
	}

	private static String baseName(String location) {
		String path = location.strip();
		int query = indexOfAny(path, '?', '#');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		path = path.replaceAll(":\\d{1,9}", "");
		int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		String base = path.substring(slash + 1).strip();
		return NUMBER.matcher(base).replaceAll("<n>");
	}

	private static int indexOfAny(String text, char first, char second) {
		int a = text.indexOf(first);
		int b = text.indexOf(second);
		return (a < 0) ? b : ((b < 0) ? a : Math.min(a, b));
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
