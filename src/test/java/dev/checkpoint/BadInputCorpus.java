package dev.checkpoint;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates malformed requests against every public route, from a fixed seed, with valid
 * pings (each with its own signature) mixed in. A request is its raw bytes, so that
 * anything can be sent: raw non-ASCII and NUL in the request line, broken framing, huge
 * headers and bodies.
 */
final class BadInputCorpus {

	/** The product the malformed pings with a valid product name are stored under. */
	static final String PRODUCT = "fuzzcorpus";

	/** The product the valid pings are stored under. */
	static final String VALID_PRODUCT = "fuzzvalid";

	static final String ADMIN_TOKEN = "test-bootstrap-admin-token-0123456789abcdef";

	static final int TEN_MIB = 10 * 1024 * 1024;

	private static final String[] BAD_SEGMENTS = { "..%2F..%2Fetc%2Fpasswd", "..%2f..%2fetc", "%2e%2e%2f%2e%2e%2fetc",
			"..", "...", "%2e%2e", "fuzz%00corpus", "fuzz\0corpus", "fuzz%zzcorpus", "fuzz%", "fuzz%4", "%ff%fe",
			"\u00ff\u00fe", "%c3%28", "%C3%A9t%C3%A9", "caf\u00e9", "x'%3Bdrop%20table%20pings%3B--",
			"x%22%20or%201%3D1--", "x'or'1'='1", "a".repeat(65), "a".repeat(5000), "fuzz;jsessionid=1", "fuzz%3Bx",
			"fuzz%5Cx", "fuzz\\x", "fuzz%20corpus", "fuzz%25corpus", "%252e%252e%252f", "..;", "..;%2f..;%2factuator",
			"%u002e", "$%7Bjndi:ldap:%2F%2Fx%7D", "fuzz%0d%0aX-Injected:%201", "fuzz%09", "%e2%80%ae", "%ed%a0%80",
			"%f4%90%80%80", "%c0%ae%c0%ae", "fuzz.", "-", "_", "%7e" };

	private static final String[] ODD_VALUES = { "", "%00", "%zz", "%", "%4", "%ff%fe%fd", "%c3%28", "%ed%a0%80",
			"%f0%28%8c%bc", "%c0%80", "\u00ff\u00fe", "x'%20OR%20'1'%3D'1", "1%3B%20drop%20table%20pings%3B--",
			"%24%24%3B%24%24", "E'%5Cx00'", "%5C%5C%5C", "%22%7D%7B", "%F0%9F%98%80", "%e2%80%ae", "true%00", "null",
			"NaN", "-1", "1e999999", "..%2F..%2F", "<script>alert(1)</script>", "%0d%0aSet-Cookie:%20x", "a+b+c",
			"%2B%2B", "=", "&", "%26%3D" };

	private static final String[] PARAMS = { "version", "os", "arch", "signature", "ci", "client_event_id",
			"previous_client_event_id", "project_hash", "cli_path_hash", "command", "information", "ci_name",
			"cli_install_type", "node_version", "schema_providers", "schema_preview_features",
			"schema_generators_providers", "checkpoint_version", "check_if_update_available", "%ff", "\u00ff", "%00",
			"%zz", "" };

	private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=utf-8", "text/plain",
			"application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"multipart/form-data", "application/json; charset=bogus", ";;;", "application/", "*/*",
			"application/json; charset=utf-16", "application/problem+json", "application/octet-stream",
			"text/html; charset=\u00ff", "application/json; boundary" };

	private static final String[] ACCEPTS = { "application/json", "*/*", "text/html", "image/png", "garbage",
			"application/json;q=bogus", "application/xml", "text/csv" };

	private final Random random;

	private final String host;

	private final List<Case> cases = new ArrayList<>();

	private final List<UUID> validSignatures = new ArrayList<>();

	private BadInputCorpus(long seed, int port) {
		this.random = new Random(seed);
		this.host = "127.0.0.1:" + port;
	}

	/**
	 * @param seed the seed: the same seed gives the same requests
	 * @param size about how many requests
	 */
	static BadInputCorpus generate(long seed, int port, int size, UUID truncationSignature) {
		BadInputCorpus corpus = new BadInputCorpus(seed, port);
		corpus.addTruncationCase(truncationSignature);
		corpus.addFixedCases();
		while (corpus.cases.size() < size) {
			if (corpus.cases.size() % 8 == 0) {
				corpus.addValidPing();
			}
			else {
				corpus.addRandomCase();
			}
		}
		return corpus;
	}

	List<Case> cases() {
		return this.cases;
	}

	List<UUID> validSignatures() {
		return this.validSignatures;
	}

	/**
	 * Over-long values in a URL within the 16 KiB the clients may send: stored truncated.
	 */
	private void addTruncationCase(UUID signature) {
		StringBuilder query = new StringBuilder("signature=" + signature);
		query.append("&version=").append("9".repeat(1000));
		query.append("&command=").append("%F0%9F%98%80".repeat(100)).append("c".repeat(5000));
		query.append("&information=").append("i".repeat(5000));
		query.append("&os=").append("o".repeat(300)).append("&client_event_id=").append("e".repeat(300));
		for (int i = 0; i < 150; i++) {
			query.append("&schema_providers=p").append(i).append("x".repeat(i == 0 ? 300 : 0));
		}
		add("truncation", "GET", "/v1/check/" + PRODUCT + "?" + query, List.of("User-Agent: " + "u".repeat(2000)), null,
				Expect.STORED);
	}

	/** Cases that must be in every corpus, whatever the seed. */
	private void addFixedCases() {
		for (String path : List.of("/v1/check/" + PRODUCT, "/v1/telemetry/" + PRODUCT, "/v1/errors/" + PRODUCT,
				"/api/admin/products")) {
			byte[] big = filled(TEN_MIB, (byte) 'a');
			add("10 MiB body", "POST", path, List.of("Content-Type: application/json"), big, Expect.REFUSED);
			add("10 MiB chunked body", "POST", path, List.of("Content-Type: application/json"), big,
					Expect.REFUSED_CHUNKED);
			add("body just over 64 KiB", "POST", path, List.of(), jsonWithString(64 * 1024 + 10), Expect.REFUSED);
			add("deeply nested JSON", "POST", path, List.of("Content-Type: application/json"),
					ascii("[".repeat(20000) + "]".repeat(20000)), Expect.REFUSED);
			add("deeply nested object", "POST", path, List.of("Content-Type: application/json"),
					ascii("{\"payload\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}"),
					path.contains("telemetry") ? Expect.ANY : Expect.REFUSED);
		}
		for (String path : List.of("/", "/v1/prisma/error-reports")) {
			byte[] big = filled(TEN_MIB, (byte) 'a');
			add("10 MiB body", "POST", path, List.of("Content-Type: application/json"), big, Expect.GRAPHQL);
			add("10 MiB chunked body", "POST", path, List.of("Content-Type: application/json"), big,
					Expect.GRAPHQL_CHUNKED);
			add("deeply nested JSON", "POST", path, List.of("Content-Type: application/json"),
					ascii("[".repeat(20000) + "]".repeat(20000)), Expect.GRAPHQL);
			add("deeply nested variables", "POST", path, List.of("Content-Type: application/json"),
					ascii("{\"query\":\"{ ok }\",\"variables\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001)),
					Expect.GRAPHQL);
		}
		add("10 MiB upload", "PUT", "/v1/prisma/error-reports/uploads/x", List.of(), filled(TEN_MIB, (byte) 'a'),
				Expect.REFUSED);
		add("query beyond the URL limit", "GET", "/v1/check/" + PRODUCT + "?command=" + "c".repeat(40 * 1024),
				List.of(), null, Expect.REFUSED);
		add("header beyond the header limit", "GET", "/v1/check/" + PRODUCT,
				List.of("X-Padding: " + "h".repeat(40 * 1024)), null, Expect.REFUSED);
		addRaw("no Host header", "GET /v1/check/" + PRODUCT + " HTTP/1.1", null, Expect.REFUSED);
		addRaw("garbage request line", "GE T /v1/check/" + PRODUCT + " HTTP/1.1\r\nHost: " + this.host, null,
				Expect.REFUSED);
		addRaw("unknown HTTP version", "GET /v1/check/" + PRODUCT + " HTTP/1.1x\r\nHost: " + this.host, null,
				Expect.REFUSED);
	}

	private void addValidPing() {
		UUID signature = new UUID(this.random.nextLong(), this.random.nextLong());
		this.validSignatures.add(signature);
		String eventId = new UUID(this.random.nextLong(), this.random.nextLong()).toString();
		switch (this.random.nextInt(3)) {
			case 0 -> add("valid GET ping", "GET", "/v1/check/" + VALID_PRODUCT + "?version=1.2.3&os=linux&arch=x64"
					+ "&signature=" + signature + "&client_event_id=" + eventId, List.of(), null, Expect.VALID);
			case 1 ->
				add("valid POST ping", "POST", "/v1/check/" + VALID_PRODUCT, List.of("Content-Type: application/json"),
						ascii("{\"version\":\"1.2.3\",\"os\":\"darwin\",\"signature\":\"" + signature + "\"}"),
						Expect.VALID);
			default -> add("valid run report", "POST", "/v1/telemetry/" + VALID_PRODUCT, List.of(),
					ascii("{\"version\":\"1.2.3\",\"signature\":\"" + signature + "\",\"run_id\":\"" + eventId
							+ "\",\"start_time\":\"0001-01-01T00:00:00Z\"}"),
					Expect.VALID);
		}
	}

	private void addRandomCase() {
		switch (this.random.nextInt(9)) {
			case 0, 1 -> addBadCheckGet();
			case 2 -> addBadBody("POST", "/v1/check/" + segment(), true);
			case 3 -> addBadBody("POST", "/v1/telemetry/" + segment(), true);
			case 4 -> addBadBody("POST", "/v1/errors/" + segment(), false);
			case 5 -> add("bad versions query", "GET", "/v1/versions/" + segment() + "?" + query(), headers(), null,
					Expect.ANY);
			case 6 -> addBadAdmin();
			case 7 -> addBadPrismaErrorReport();
			default -> addBadFraming();
		}
	}

	private void addBadCheckGet() {
		String method = pick("GET", "GET", "GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "get");
		add("bad check query", method, "/v1/check/" + segment() + "?" + query(), headers(), null, Expect.ANY);
	}

	/**
	 * @param mayStore whether a body that happens to be acceptable may be stored (pings
	 * may; a crash report never is, because every generated one lacks consent or has a
	 * wrongly typed field)
	 */
	private void addBadBody(String method, String path, boolean mayStore) {
		List<String> headers = new ArrayList<>(headers());
		if (this.random.nextInt(4) > 0) {
			headers.add("Content-Type: " + pick(CONTENT_TYPES));
		}
		byte[] body = body(mayStore);
		boolean chunked = this.random.nextInt(5) == 0;
		add("bad body", method, path, headers, body, mayStore ? (chunked ? Expect.ANY_CHUNKED : Expect.ANY)
				: (chunked ? Expect.REFUSED_CHUNKED : Expect.REFUSED));
	}

	/**
	 * The Prisma CLI's routes: GraphQL errors for anything on {@code /} and
	 * {@code /v1/prisma/error-reports}, problem+json for a zip to an upload URL never
	 * issued.
	 */
	private void addBadPrismaErrorReport() {
		List<String> headers = new ArrayList<>(headers());
		if (this.random.nextInt(4) > 0) {
			headers.add("Content-Type: " + pick(CONTENT_TYPES));
		}
		boolean chunked = this.random.nextInt(5) == 0;
		if (this.random.nextInt(4) == 0) {
			add("bad upload", "PUT", "/v1/prisma/error-reports/uploads/" + pick(BAD_SEGMENTS), headers, body(false),
					chunked ? Expect.REFUSED_CHUNKED : Expect.REFUSED);
			return;
		}
		String method = pick("POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH");
		add("bad GraphQL request", method, pick("/", "/v1/prisma/error-reports"), headers,
				method.equals("GET") ? null : body(false), chunked ? Expect.GRAPHQL_CHUNKED : Expect.GRAPHQL);
	}

	private void addBadAdmin() {
		String path = pick("/api/admin/products", "/api/admin/tokens", "/api/admin/products/" + segment(),
				"/api/admin/products/" + PRODUCT + "/releases",
				"/api/admin/tokens/" + pick("1", "x", "%00", "-1", "1e9"));
		String method = pick("GET", "POST", "PUT", "DELETE");
		List<String> headers = new ArrayList<>(headers());
		boolean realToken = (method.equals("POST") || method.equals("PUT")) && this.random.nextInt(3) == 0;
		headers.add("Authorization: " + (realToken ? "Bearer " + ADMIN_TOKEN : garbageToken()));
		headers.add("Content-Type: " + pick(CONTENT_TYPES));
		byte[] body = method.equals("GET") || method.equals("DELETE") ? null : body(false);
		add(realToken ? "admin with bad body" : "admin with garbage token", method, path, headers, body,
				Expect.REFUSED);
	}

	private void addBadFraming() {
		String target = "/v1/" + pick("check", "telemetry", "errors") + "/" + PRODUCT;
		String start = "POST " + target + " HTTP/1.1\r\nHost: " + this.host + "\r\n";
		switch (this.random.nextInt(9)) {
			case 0 -> addRaw("non-numeric Content-Length", start + "Content-Length: abc", ascii("{}"), Expect.REFUSED);
			case 1 -> addRaw("negative Content-Length", start + "Content-Length: -5", ascii("{}"), Expect.REFUSED);
			case 2 -> addRaw("two Content-Lengths", start + "Content-Length: 2\r\nContent-Length: 3", ascii("{}"),
					Expect.REFUSED);
			case 3 -> addRaw("huge Content-Length", start + "Content-Length: 99999999999999999999", ascii("{}"),
					Expect.REFUSED);
			case 4 -> addRaw("unknown Transfer-Encoding", start + "Transfer-Encoding: gzip, bogus", ascii("{}"),
					Expect.REFUSED);
			case 5 -> addRaw("bad chunk size", start + "Transfer-Encoding: chunked", ascii("zz\r\n{}\r\n0\r\n\r\n"),
					Expect.REFUSED);
			case 6 -> addRaw("header without colon", start + "NoColonHere", ascii("{}"), Expect.REFUSED);
			case 7 -> addRaw("header name with raw bytes", start + "X-\u00ff\u00fe: 1", null, Expect.REFUSED);
			default ->
				addRaw("many headers", start + "X-H: 1\r\n".repeat(300) + "Content-Length: 2", ascii("{}"), Expect.ANY);
		}
	}

	private String segment() {
		return this.random.nextInt(3) == 0 ? PRODUCT : pick(BAD_SEGMENTS);
	}

	private String query() {
		StringBuilder query = new StringBuilder();
		int count = this.random.nextInt(12);
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				query.append(this.random.nextInt(10) == 0 ? "&&" : "&");
			}
			query.append(pick(PARAMS)).append(this.random.nextInt(10) == 0 ? "" : "=").append(value());
		}
		return query.toString();
	}

	private String value() {
		return switch (this.random.nextInt(6)) {
			case 0 -> pick(ODD_VALUES) + pick(ODD_VALUES);
			case 1 -> "v".repeat(this.random.nextInt(6000));
			case 2 -> "%F0%9F%98%80".repeat(this.random.nextInt(500));
			default -> pick(ODD_VALUES);
		};
	}

	private List<String> headers() {
		List<String> headers = new ArrayList<>();
		if (this.random.nextInt(3) == 0) {
			headers.add("User-Agent: " + pick("\u00ff\u00fe", "x".repeat(this.random.nextInt(20000)), "' or 1=1 --",
					"Mozilla/5.0 \u00e9"));
		}
		if (this.random.nextInt(3) == 0) {
			headers.add("Accept: " + pick(ACCEPTS));
		}
		if (this.random.nextInt(8) == 0) {
			headers.add("Authorization: " + garbageToken());
		}
		if (this.random.nextInt(8) == 0) {
			headers.add("X-Forwarded-For: " + pick("::1, ' or 1=1", "999.999.1.1", "\u00ff", "x".repeat(4000)));
		}
		return headers;
	}

	private String garbageToken() {
		return switch (this.random.nextInt(9)) {
			case 0 -> "Bearer cpt_" + randomAscii(40);
			case 1 -> "Bearer " + randomAscii(this.random.nextInt(200));
			case 2 -> "Basic " + randomAscii(30);
			case 3 -> "Basic " + Base64.getEncoder().encodeToString(new byte[] { (byte) 0xff, ':', (byte) 0xfe });
			case 4 -> "Bearer " + "t".repeat(20000);
			case 5 -> "Bearer";
			case 6 -> "Digest username=\"x\"";
			case 7 -> "Bearer ' or '1'='1";
			default -> "Basic " + Base64.getEncoder().encodeToString(("admin:" + randomAscii(20)).getBytes());
		};
	}

	private byte[] body(boolean mayStore) {
		String consent = mayStore ? ""
				: pick("", "\"consent\":false,", "\"consent\":\"true\",", "\"consent\":1,",
						"\"consent\":true,\"version\":5,", "\"consent\":true,\"error_message\":[],\"version\":\"1\",",
						"\"consent\":true,\"version\":\"1\",\"error_message\":\"x\",\"stack_trace\":{},");
		return switch (this.random.nextInt(12)) {
			case 0 -> concat(ascii("{" + consent + "\"version\":\""),
					new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0xc3 }, ascii("\"}"));
			case 1 -> ascii(pick("", "null", "[]", "\"s\"", "42", "{", "{\"a\":", "garbage", "<xml/>",
					"{'single':'quotes'}", "{\"a\":NaN}", "\uFEFF{}", "{\"version\":1e999999}", "{}}", "{\"a\":1,}"));
			case 2 -> ascii("{" + consent + "\"version\":" + pick("5", "{}", "[]", "true", "[\"1\"]", "{\"$gt\":\"\"}")
					+ ",\"signature\":" + pick("{}", "[1]", "false", "12345678901234567890123") + "}");
			case 3 -> ascii("{" + consent + "\"version\":\"1\\u0000\\ud800\",\"os\":\"\\udfff\\u0000\","
					+ "\"signature\":\"\\u0000\",\"error_message\":\"\\u0000\",\"product\":\"" + PRODUCT + "\"}");
			case 4 -> ascii("{" + consent + "\"version\":\"' or 1=1; drop table pings; --\",\"os\":\"$$;\\\\\","
					+ "\"arch\":\"%00\",\"run_id\":\"E'\\\\x00'\",\"timestamp\":\"2024-13-45T99:99:99Z\"}");
			case 5 -> ascii("{" + consent + "\"version\":\"" + "v".repeat(this.random.nextInt(60_000)) + "\"}");
			case 6 -> ascii("{" + consent + "\"payload\":" + "[".repeat(this.random.nextInt(3000))
					+ "]".repeat(this.random.nextInt(3000)) + "}");
			case 7 -> ascii("{" + consent + "\"version\":\"1\",\"version\":[],\"product\":\"other\","
					+ "\"start_time\":\"yesterday\",\"end_time\":12,\"timestamp\":[]}");
			case 8 -> ascii("version=1&signature=" + randomAscii(10));
			case 9 -> ascii("--x\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n--y--");
			case 10 -> randomBytes(this.random.nextInt(4096));
			default ->
				ascii("{" + consent + "\"product\":" + pick("\"../../etc\"", "\"" + PRODUCT + "\"", "null", "\"\"")
						+ ",\"ci\":\"maybe\",\"payload\":{\"\\u0000\":\"\\ud83d\"},\"schema_version\":{}}");
		};
	}

	private void add(String kind, String method, String target, List<String> headers, byte[] body, Expect expect) {
		StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + this.host);
		for (String header : headers) {
			head.append("\r\n").append(header);
		}
		addRaw(kind, head.toString(), body, expect);
	}

	/**
	 * A request from its raw head (no trailing line break; framing headers added here).
	 */
	private void addRaw(String kind, String head, byte[] body, Expect expect) {
		String framedHead = head;
		byte[] framedBody = (body != null) ? body : new byte[0];
		if (body != null && !head.contains("Content-Length") && !head.contains("Transfer-Encoding")) {
			if (expect.chunked()) {
				framedHead += "\r\nTransfer-Encoding: chunked";
				framedBody = chunked(body);
			}
			else {
				framedHead += "\r\nContent-Length: " + body.length;
			}
		}
		this.cases.add(new Case(this.cases.size(), kind, framedHead.getBytes(StandardCharsets.ISO_8859_1), framedBody,
				expect));
	}

	private static byte[] chunked(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int offset = 0; offset < body.length; offset += 8192) {
			int size = Math.min(8192, body.length - offset);
			out.writeBytes(ascii(Integer.toHexString(size) + "\r\n"));
			out.write(body, offset, size);
			out.writeBytes(ascii("\r\n"));
		}
		out.writeBytes(ascii("0\r\n\r\n"));
		return out.toByteArray();
	}

	private byte[] jsonWithString(int size) {
		return ascii("{\"version\":\"" + "v".repeat(size) + "\"}");
	}

	private String randomAscii(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) (33 + this.random.nextInt(94)));
		}
		return text.toString();
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	@SafeVarargs
	private <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	private static byte[] filled(int size, byte value) {
		byte[] bytes = new byte[size];
		java.util.Arrays.fill(bytes, value);
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** What a case may be answered with. */
	enum Expect {

		/** A valid ping: 200 (check) or 201 (run report), and stored. */
		VALID(false),
		/** A ping with over-long values: 200 and stored truncated. */
		STORED(false),
		/** Any 2xx or a 4xx problem: garbage that a client route tolerates. */
		ANY(false), ANY_CHUNKED(true),
		/** Only a 4xx: nothing may be stored. */
		REFUSED(false), REFUSED_CHUNKED(true),
		/**
		 * Only a 4xx with GraphQL {@code errors} (Tomcat's own problem+json for broken
		 * chunked framing): nothing may be stored.
		 */
		GRAPHQL(false), GRAPHQL_CHUNKED(true);

		private final boolean chunked;

		Expect(boolean chunked) {
			this.chunked = chunked;
		}

		boolean chunked() {
			return this.chunked;
		}

		boolean mayStore() {
			return this != REFUSED && this != REFUSED_CHUNKED && !graphQl();
		}

		boolean graphQl() {
			return this == GRAPHQL || this == GRAPHQL_CHUNKED;
		}

	}

	record Case(int index, String kind, byte[] head, byte[] body, Expect expect) {

		/** The request line and headers, each abbreviated, for failure messages. */
		String requestLine() {
			StringBuilder text = new StringBuilder();
			for (String line : new String(this.head, StandardCharsets.ISO_8859_1).split("\r\n")) {
				if (!line.startsWith("Host:")) {
					text.append((text.length() > 0) ? " | " : "")
						.append((line.length() > 120) ? line.substring(0, 120) + "..." : line);
				}
			}
			return text.toString();
		}

	}

}
