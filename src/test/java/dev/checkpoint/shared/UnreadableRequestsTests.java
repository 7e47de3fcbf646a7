package dev.checkpoint.shared;

import jakarta.servlet.ServletException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;

import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;

class UnreadableRequestsTests {

	@Test
	void shouldRecogniseAContainerParseFailureWhenItIsWrapped() {
		ServletException wrapped = new ServletException("Filter failed",
				new InvalidParameterException("Character decoding failed"));
		assertThat(UnreadableRequests.causedBy(wrapped)).isTrue();
		assertThat(UnreadableRequests.causedBy(new RequestRejectedException("encoded slash"))).isTrue();
	}

	@Test
	void shouldNotRecogniseOtherFailuresWhenNoCauseIsAParseFailure() {
		assertThat(UnreadableRequests.causedBy(new IllegalStateException("bug", new RuntimeException()))).isFalse();
		assertThat(UnreadableRequests.causedBy(null)).isFalse();
	}

}
