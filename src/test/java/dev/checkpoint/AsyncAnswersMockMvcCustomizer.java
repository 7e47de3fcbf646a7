package dev.checkpoint;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

/**
 * MockMvc waits only for Spring MVC's own asynchronous results. The check route answers
 * through the Servlet API's async support instead (its answer is written once the ping is
 * committed, by a responder thread): this filter waits for such an answer to complete, so
 * that a test reads it like any other. Registered for every MockMvc of the tests through
 * {@link TestcontainersConfiguration}.
 */
public class AsyncAnswersMockMvcCustomizer implements MockMvcBuilderCustomizer {

	@Override
	public void customize(ConfigurableMockMvcBuilder<?> builder) {
		builder.addFilters(new AwaitAsyncAnswer());
	}

	private static final class AwaitAsyncAnswer implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			chain.doFilter(request, response);
			if (!request.isAsyncStarted()) {
				return;
			}
			CountDownLatch done = new CountDownLatch(1);
			request.getAsyncContext().addListener(new AsyncListener() {

				@Override
				public void onComplete(AsyncEvent event) {
					done.countDown();
				}

				@Override
				public void onTimeout(AsyncEvent event) {
					done.countDown();
				}

				@Override
				public void onError(AsyncEvent event) {
					done.countDown();
				}

				@Override
				public void onStartAsync(AsyncEvent event) {
				}

			});
			try {
				if (request.isAsyncStarted() && !done.await(15, TimeUnit.SECONDS)) {
					throw new IllegalStateException("The asynchronous answer did not complete within 15 s");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
