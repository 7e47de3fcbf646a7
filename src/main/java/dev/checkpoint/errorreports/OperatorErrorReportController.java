package dev.checkpoint.errorreports;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/error-reports}: crash report groups and reports for operators (OPERATOR or
 * ADMIN token).
 */
@RestController
@RequestMapping("/api/error-reports")
class OperatorErrorReportController {

	private final ErrorGroupService groups;

	OperatorErrorReportController(ErrorGroupService groups) {
		this.groups = groups;
	}

	@GetMapping("/products")
	List<ErrorProductResponse> products() {
		return this.groups.products();
	}

	@GetMapping("/groups")
	ErrorGroupPageResponse groups(@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String version,
			@RequestParam(defaultValue = "open") @Pattern(regexp = "open|resolved|all",
					message = "must be open, resolved or all") String status,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100,
					message = "must be between 1 and 100") int size) {
		return this.groups.list(new ErrorGroupQueries.GroupFilter(blankToNull(product), blankToNull(version), status),
				page, size);
	}

	@GetMapping("/groups/{id}")
	ErrorGroupDetailResponse group(@PathVariable String id) {
		return this.groups.group(groupId(id));
	}

	@PostMapping("/groups/{id}/resolve")
	ErrorGroupResponse resolve(@PathVariable String id, Principal operator) {
		return this.groups.resolve(groupId(id), operator.getName());
	}

	@PostMapping("/groups/{id}/reopen")
	ErrorGroupResponse reopen(@PathVariable String id) {
		return this.groups.reopen(groupId(id));
	}

	/** A report by its uuid or its number (the one the Prisma CLI printed). */
	@GetMapping("/reports/{id}")
	ErrorReportResponse report(@PathVariable String id) {
		return this.groups.report(id);
	}

	/**
	 * An attachment's redacted text, shown in the browser or, with {@code download=true},
	 * saved under its name.
	 */
	@GetMapping("/reports/{id}/attachments/{position}")
	ResponseEntity<String> attachment(@PathVariable String id,
			@PathVariable @Min(value = 0, message = "must be 0 or more") int position,
			@RequestParam(defaultValue = "false") boolean download) {
		Attachment attachment = this.groups.attachment(id, position);
		ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
			.filename(attachment.name(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(attachment.content());
	}

	private static UUID groupId(String id) {
		return PathIds.parse(id).orElseThrow(() -> PathIds.groupNotFound(id));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
