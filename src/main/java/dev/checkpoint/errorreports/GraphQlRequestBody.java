package dev.checkpoint.errorreports;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL request as read from a POST body: a {@code query} string, and optional
 * {@code variables} object and {@code operationName} string.
 */
record GraphQlRequestBody(String query, @Nullable String operationName, Map<String, Object> variables) {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/**
	 * The request, or none when the body is not such an object (or repeats a key: the
	 * shared mapper refuses duplicates).
	 */
	static @Nullable GraphQlRequestBody parse(JsonMapper json, byte[] body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (root == null || !root.isObject()) {
			return null;
		}
		JsonNode query = root.get("query");
		JsonNode variables = root.get("variables");
		JsonNode operationName = root.get("operationName");
		if (query == null || !query.isString() || query.stringValue().isBlank()
				|| (variables != null && !variables.isNull() && !variables.isObject())
				|| (operationName != null && !operationName.isNull() && !operationName.isString())) {
			return null;
		}
		Map<String, Object> values = (variables != null && variables.isObject()) ? json.convertValue(variables, MAP)
				: Map.of();
		return new GraphQlRequestBody(query.stringValue(),
				(operationName != null && operationName.isString()) ? operationName.stringValue() : null, values);
	}

}
