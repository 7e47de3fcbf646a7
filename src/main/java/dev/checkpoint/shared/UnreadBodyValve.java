package dev.checkpoint.shared;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * A request body that nothing read (the request was refused before its body was needed:
 * no token, rate limited, too many at once) is not drained after the answer, which Tomcat
 * would otherwise do in the worker thread, at whatever pace the client sends: the
 * connection is closed instead. A trickling client then costs no thread after its
 * refusal.
 */
class UnreadBodyValve extends ValveBase {

	UnreadBodyValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		if (request.isAsync()) {
			return;
		}
		boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		if (hasBody) {
			AtomicBoolean fullyRead = new AtomicBoolean(true);
			request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
			if (!fullyRead.get()) {
				request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			}
		}
	}

}
