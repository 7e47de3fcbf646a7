package dev.checkpoint.ingest;

import java.io.IOException;
import java.io.InputStream;

import dev.checkpoint.shared.RequestLimitsProperties;
import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.StoredText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Reads a go-checkpoint run report from the raw body, whatever its Content-Type (the
 * client sends none), within the body size limit.
 */
@Component
class RunReportParser {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final JsonMapper json;

	private final RequestLimitsProperties limits;

	RunReportParser(JsonMapper json, RequestLimitsProperties limits) {
		this.json = json;
		this.limits = limits;
	}

	RunReport parse(InputStream body) throws IOException {
		long limit = this.limits.maxBodySize().toBytes();
		byte[] bytes = body.readNBytes((int) limit + 1);
		if (bytes.length > limit) {
			throw Problems.payloadTooLarge("The request body is larger than " + limit + " bytes.");
		}
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
		ObjectNode details = NODES.objectNode();
		details.put("run_id", text(root, "run_id"));
		details.put("schema_version", text(root, "schema_version"));
		details.put("start_time", time(root, "start_time"));
		details.put("end_time", time(root, "end_time"));
		if (root.has("payload") && !root.get("payload").isNull()) {
			details.set("payload", clean(root.get("payload")));
		}
		return new RunReport(text(root, "signature"), text(root, "version"), text(root, "os"), text(root, "arch"),
				this.json.writeValueAsString(details));
	}

	private static @Nullable String text(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isValueNode()) {
			throw Problems.invalidField(field, "must be a string");
		}
		return PingFactory.clean(node.asString(), PingFactory.SHORT_LIMIT);
	}

	private static @Nullable String time(JsonNode root, String field) {
		String value = text(root, field);
		return Timestamps.parse(value, field).map(Object::toString).orElse(null);
	}

	/** A copy without NUL characters, which PostgreSQL's jsonb refuses. */
	private static JsonNode clean(JsonNode node) {
		if (node.isString()) {
			return NODES.stringNode(StoredText.withoutNul(node.stringValue()));
		}
		if (node.isObject()) {
			ObjectNode copy = NODES.objectNode();
			node.properties()
				.forEach((entry) -> copy.set(StoredText.withoutNul(entry.getKey()), clean(entry.getValue())));
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = NODES.arrayNode();
			node.values().forEach((item) -> copy.add(clean(item)));
			return copy;
		}
		return node;
	}

}
