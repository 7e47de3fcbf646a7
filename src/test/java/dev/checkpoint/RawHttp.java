package dev.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket, for bytes that {@code HttpClient}
 * refuses to send (raw non-ASCII in the request line, NUL, broken framing). One request
 * per connection ({@code Connection: close}); the body is written from a second thread so
 * that an early answer (413 while the client still sends) is read, not lost.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends {@code head} (request line and headers, without the blank line; the
	 * Connection header is added) and {@code body} as they are.
	 */
	public static Response send(int port, byte[] head, byte[] body) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream start = new ByteArrayOutputStream();
			start.write(head);
			start.write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.write(start.toByteArray());
			out.flush();
			Thread writer = new Thread(() -> writeQuietly(out, body), "raw-http-body");
			writer.setDaemon(true);
			writer.start();
			byte[] answer = readAll(socket.getInputStream());
			writer.interrupt();
			return Response.parse(answer);
		}
	}

	private static void writeQuietly(OutputStream out, byte[] body) {
		try {
			for (int offset = 0; offset < body.length; offset += 16 * 1024) {
				out.write(body, offset, Math.min(16 * 1024, body.length - offset));
			}
			out.flush();
		}
		catch (IOException ex) {
			// the server answered and closed before reading everything: expected for 413
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				answer.write(buffer, 0, read);
			}
		}
		catch (SocketException ex) {
			if (answer.size() == 0) {
				throw ex;
			}
		}
		return answer.toByteArray();
	}

	/** A parsed answer; a chunked body is de-chunked. */
	public record Response(int status, Map<String, String> headers, String body) {

		static Response parse(byte[] bytes) throws IOException {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (!text.startsWith("HTTP/1.1 ") || end < 0) {
				throw new IOException("Not an HTTP answer: [" + text.substring(0, Math.min(200, text.length())) + "]");
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].substring(9, 12));
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Response(status, headers,
					new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}

		private static String dechunk(String body) {
			StringBuilder out = new StringBuilder();
			int at = 0;
			while (at < body.length()) {
				int lineEnd = body.indexOf("\r\n", at);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
				at = lineEnd + 2 + size + 2;
			}
			return out.toString();
		}

		public String header(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
		}

	}

}
