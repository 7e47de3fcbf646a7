package dev.checkpoint.errorreports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.checkpoint.shared.ProblemTypes;
import dev.checkpoint.shared.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the zip that the Prisma CLI uploads (its schema and migration files, flattened to
 * base names) into text attachments, entirely in memory and within the upload limits: at
 * most {@code max-entries} files and {@code max-expanded-size} bytes once inflated, so
 * that a zip bomb stops at the limit. Entry names are display names only: one with a
 * directory, a drive, {@code ..} or a control character is refused, as is a file that is
 * not UTF-8 text. Any refusal refuses the whole zip.
 */
final class ZipAttachmentReader {

	private static final Pattern SAFE_NAME = Pattern.compile("^(?!\\.{1,2}$)[^/\\\\:\\p{Cntrl}]{1,255}$");

	private static final byte[] LOCAL_HEADER = { 'P', 'K', 3, 4 };

	private static final byte[] EMPTY_ARCHIVE = { 'P', 'K', 5, 6 };

	private static final int END_RECORD_BYTES = 22;

	private final int maxEntries;

	private final long maxExpandedBytes;

	ZipAttachmentReader(ErrorReportsProperties.Upload limits) {
		this.maxEntries = limits.maxEntries();
		this.maxExpandedBytes = limits.maxExpandedSize().toBytes();
	}

	List<Attachment> read(byte[] zip) {
		if (!startsWith(zip, LOCAL_HEADER) && !startsWith(zip, EMPTY_ARCHIVE)) {
			throw Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Not a zip",
					"The upload is not a zip archive.");
		}
		List<Attachment> attachments = new ArrayList<>();
		long expanded = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			byte[] buffer = new byte[8192];
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (attachments.size() == this.maxEntries) {
					throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Too many files",
							"The zip holds more than " + this.maxEntries + " files.");
				}
				String name = entry.getName();
				if (entry.isDirectory() || !SAFE_NAME.matcher(name).matches()) {
					throw unsafeName(name);
				}
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					expanded += read;
					if (expanded > this.maxExpandedBytes) {
						throw Problems.payloadTooLarge(
								"The zip's files are larger than " + this.maxExpandedBytes + " bytes once inflated.");
					}
					content.write(buffer, 0, read);
				}
				attachments.add(new Attachment(name, text(name, content.toByteArray()), content.size()));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			// ZipException and friends: a broken archive or a name that is not UTF-8
			throw brokenZip();
		}
		if (centralDirectoryEntries(zip) != attachments.size()) {
			// truncated, or entries the stream did not see
			throw brokenZip();
		}
		return attachments;
	}

	/**
	 * The entry count of the end of central directory record, which every whole zip ends
	 * with (followed by a comment of at most 64 KiB); -1 when there is none.
	 */
	private static int centralDirectoryEntries(byte[] zip) {
		int lowest = Math.max(0, zip.length - END_RECORD_BYTES - 0xFFFF);
		for (int at = zip.length - END_RECORD_BYTES; at >= lowest; at--) {
			if (zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 5 && zip[at + 3] == 6) {
				int comment = (zip[at + 20] & 0xFF) | ((zip[at + 21] & 0xFF) << 8);
				if (at + END_RECORD_BYTES + comment == zip.length) {
					return (zip[at + 10] & 0xFF) | ((zip[at + 11] & 0xFF) << 8);
				}
			}
		}
		return -1;
	}

	private static String text(String name, byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			if (text.indexOf('\0') >= 0) {
				throw notText(name);
			}
			return text;
		}
		catch (CharacterCodingException ex) {
			throw notText(name);
		}
	}

	private static ErrorResponseException unsafeName(String name) {
		String shown = (name.length() > 80) ? name.substring(0, 80) + "…" : name;
		return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Unsafe entry name",
				"The zip entry '" + shown.replaceAll("\\p{Cntrl}", "?")
						+ "' is not a plain file name (no folders, drives or '..').");
	}

	private static ErrorResponseException brokenZip() {
		return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Broken zip",
				"The zip archive cannot be read.");
	}

	private static ErrorResponseException notText(String name) {
		return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Not text",
				"The zip entry '" + name + "' is not UTF-8 text.");
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
