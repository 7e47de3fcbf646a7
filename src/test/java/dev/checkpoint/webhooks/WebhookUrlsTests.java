package dev.checkpoint.webhooks;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The URLs a webhook may call by default: https to a public address only, so that a
 * webhook cannot reach the services next to the server.
 */
class WebhookUrlsTests {

	private final WebhookUrls strict = new WebhookUrls(new WebhooksProperties(false, false, Duration.ofSeconds(5), 8,
			Duration.ofSeconds(30), Duration.ofSeconds(10)));

	@ParameterizedTest
	@ValueSource(strings = { "http://93.184.215.14/hook", "https://127.0.0.1/hook", "https://localhost/hook",
			"https://10.1.2.3/hook", "https://172.16.0.9/hook", "https://192.168.1.1/hook",
			"https://169.254.169.254/latest", "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook",
			"https://100.64.0.1/hook", "https://0.0.0.0/hook", "ftp://93.184.215.14/x",
			"https://user:pw@93.184.215.14/hook", "not a url", "https:///nohost" })
	void shouldRefuseWhatCouldReachInsideOrIsNoHttpsUrl(String url) {
		assertThat(this.strict.refusal(url)).as(url).isPresent();
	}

	@Test
	void shouldAcceptHttpsToAPublicAddressAndWhatIsExplicitlyAllowed() throws Exception {
		assertThat(this.strict.refusal("https://93.184.215.14/hook")).isEmpty();
		WebhookUrls lenient = new WebhookUrls(new WebhooksProperties(true, true, Duration.ofSeconds(5), 8,
				Duration.ofSeconds(30), Duration.ofSeconds(10)));
		assertThat(lenient.refusal("http://127.0.0.1:8080/hook")).isEmpty();
		assertThat(WebhookUrls.internal(InetAddress.getByName("8.8.8.8"))).isFalse();
		assertThat(WebhookUrls.internal(InetAddress.getByName("2606:4700::1111"))).isFalse();
	}

}
