package dev.checkpoint.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers (request lines, URLs, headers or framing it cannot parse,
 * before the application sees the request) as problem+json instead of an HTML page. An
 * unknown Transfer-Encoding, which Tomcat answers 501, is the client's fault here: 400.
 * The body is written by the application's {@code JsonMapper}.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	private final JsonMapper json;

	ProblemErrorReportValve(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		if (status == 501) {
			status = 400;
			response.setStatus(status);
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(this.json.writeValueAsString(Problems.forStatus(status).getBody()));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone: nothing to answer
		}
	}

}
