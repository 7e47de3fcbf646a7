package dev.checkpoint.errorreports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.checkpoint.shared.RequestLimitsProperties;
import dev.checkpoint.shared.ProblemTypes;
import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.StoredText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a crash report from the raw body within the size limit, whatever its
 * Content-Type. Consent is checked first: unless {@code consent} is JSON {@code true},
 * nothing else is looked at. Then every text field must be a string (or null), loses its
 * NUL characters, and the constraints of {@link ErrorReportRequest} apply.
 */
@Component
class ErrorReportParser {

	private final JsonMapper json;

	private final Validator validator;

	private final RequestLimitsProperties limits;

	ErrorReportParser(JsonMapper json, Validator validator, RequestLimitsProperties limits) {
		this.json = json;
		this.validator = validator;
		this.limits = limits;
	}

	ErrorReportRequest parse(String product, HttpServletRequest request) throws IOException {
		JsonNode root = readObject(request);
		JsonNode consent = root.get("consent");
		if (consent == null || !consent.isBoolean() || !consent.booleanValue()) {
			throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.CONSENT_REQUIRED, "Consent required",
					"A crash report is only accepted with \"consent\": true, after the user agreed to send it. "
							+ "Nothing was stored.");
		}
		List<Map<String, String>> errors = new ArrayList<>();
		@Nullable String[] values = new String[ErrorReportRequest.FIELDS.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = text(root, ErrorReportRequest.FIELDS[i], errors);
		}
		ErrorReportRequest report = new ErrorReportRequest(values[0], values[1], values[2], values[3], values[4],
				values[5], values[6], values[7], values[8]);
		Set<String> wronglyTyped = errors.stream().map((error) -> error.get("field")).collect(Collectors.toSet());
		violations(report).stream().filter((error) -> !wronglyTyped.contains(error.get("field"))).forEach(errors::add);
		if (report.product() != null && !report.product().equals(product)) {
			errors.add(error("product", "must be the product in the path, '" + product + "', when given"));
		}
		if (errors.isEmpty()) {
			return report;
		}
		errors.sort(Comparator.comparing((Map<String, String> error) -> error.get("field")));
		throw Problems.invalidFields(errors);
	}

	private JsonNode readObject(HttpServletRequest request) throws IOException {
		long limit = this.limits.maxBodySize().toBytes();
		byte[] bytes = Bodies.read(request, limit)
			.orElseThrow(() -> Problems.payloadTooLarge("The request body is larger than " + limit + " bytes."));
		JsonNode root;
		try {
			root = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw Problems.malformed("The request body is not a JSON object.");
		}
		if (root == null || !root.isObject()) {
			throw Problems.malformed("The request body is not a JSON object.");
		}
		return root;
	}

	private static @Nullable String text(JsonNode root, String field, List<Map<String, String>> errors) {
		JsonNode node = root.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			errors.add(error(field, "must be a string"));
			return null;
		}
		return StoredText.withoutNul(node.stringValue());
	}

	private List<Map<String, String>> violations(ErrorReportRequest report) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ConstraintViolation<ErrorReportRequest> violation : this.validator.validate(report)) {
			errors.add(error(snakeCase(violation.getPropertyPath().toString()), violation.getMessage()));
		}
		return errors;
	}

	private static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	private static Map<String, String> error(String field, String message) {
		return Problems.fieldError(field, message);
	}

}
