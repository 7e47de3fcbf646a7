package dev.checkpoint.errorreports;

import dev.checkpoint.shared.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused zip upload of the Prisma CLI (problem+json): nothing of it is stored, and an
 * upload URL that was valid stays unused.
 */
class InvalidUploadException extends ErrorResponseException {

	private InvalidUploadException(HttpStatus status, String title, String detail) {
		super(status, problem(status, title, detail), null);
	}

	static InvalidUploadException notAZip() {
		return new InvalidUploadException(HttpStatus.BAD_REQUEST, "Not a zip", "The upload is not a zip archive.");
	}

	static InvalidUploadException brokenZip() {
		return new InvalidUploadException(HttpStatus.BAD_REQUEST, "Broken zip", "The zip archive cannot be read.");
	}

	static InvalidUploadException unsafeName(String name) {
		String shown = (name.length() > 80) ? name.substring(0, 80) + "…" : name;
		return new InvalidUploadException(HttpStatus.BAD_REQUEST, "Unsafe entry name", "The zip entry '"
				+ shown.replaceAll("\\p{Cntrl}", "?") + "' is not a plain file name (no folders, drives or '..').");
	}

	static InvalidUploadException notText(String name) {
		return new InvalidUploadException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not text",
				"The zip entry '" + name + "' is not UTF-8 text.");
	}

	static InvalidUploadException tooManyEntries(int max) {
		return new InvalidUploadException(HttpStatus.CONTENT_TOO_LARGE, "Too many files",
				"The zip holds more than " + max + " files.");
	}

	static InvalidUploadException tooLargeExpanded(long max) {
		return new InvalidUploadException(HttpStatus.CONTENT_TOO_LARGE, "Payload too large",
				"The zip's files are larger than " + max + " bytes once inflated.");
	}

	static InvalidUploadException tooLarge(long max) {
		return new InvalidUploadException(HttpStatus.CONTENT_TOO_LARGE, "Payload too large",
				"The upload is larger than " + max + " bytes.");
	}

	static InvalidUploadException unknownUrl() {
		return new InvalidUploadException(HttpStatus.NOT_FOUND, "No such upload",
				"This is not an upload URL of this server.");
	}

	static InvalidUploadException expired() {
		return new InvalidUploadException(HttpStatus.GONE, "Upload URL expired", "This upload URL has expired.");
	}

	static InvalidUploadException used() {
		return new InvalidUploadException(HttpStatus.CONFLICT, "Upload URL used",
				"This upload URL has already been used.");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.forStatus(status.value()));
		problem.setTitle(title);
		return problem;
	}

}
