package dev.checkpoint.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running test server as the end-to-end tests talk to it over HTTP: checks as a
 * client sends them, and admin calls with the bootstrap admin token.
 */
final class TestServer {

	static final String ADMIN = "Bearer test-bootstrap-admin-token-0123456789abcdef";

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	TestServer(int port) {
		this.port = port;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Sends a check as a client would, from this test's address, and answers its body.
	 */
	String check(String product, @Nullable UUID signature, String version, boolean ci) {
		String query = "version=%s&os=linux&arch=x64&node_version=v20.11.0&ci=%s".formatted(version, ci)
				+ ((signature != null) ? "&signature=" + signature : "");
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/v1/check/" + product + "?" + query)).GET().build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/** An admin call with a JSON body, expected to answer {@code status}. */
	HttpResponse<String> admin(String method, String path, String body, int status) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", ADMIN)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response;
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
