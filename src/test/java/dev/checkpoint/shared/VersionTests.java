package dev.checkpoint.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTests {

	@ParameterizedTest
	@CsvSource({ "1.0.0, 2.0.0", "1.9.9, 1.10.0", "5.13.0-dev.13, 5.13.0", "5.13.0-dev.2, 5.13.0-dev.13",
			"1.0.0-alpha, 1.0.0-alpha.1", "1.0.0-alpha.beta, 1.0.0-beta", "1.0.0-beta.11, 1.0.0-rc.1",
			"1.6.0-beta1, 1.6.0", "0.12, 0.12.1", "v1.2.3, 1.2.4" })
	void shouldOrderBySemverPrecedence(String lower, String higher) {
		assertThat(Version.parse(lower).orElseThrow()).isLessThan(Version.parse(higher).orElseThrow());
		assertThat(Version.parse(higher).orElseThrow()).isGreaterThan(Version.parse(lower).orElseThrow());
	}

	@ParameterizedTest
	@CsvSource({ "5.13.0-dev.13, dev", "1.6.0-beta1, beta", "6.1.0, latest", "2.0.0-rc.1, rc",
			"5.0.0-integration-foo.3, integration-foo" })
	void shouldDeriveChannelFromPreRelease(String version, String channel) {
		assertThat(Version.parse(version).orElseThrow().channel()).isEqualTo(channel);
	}

	@Test
	void shouldRefuseTextThatIsNoVersion() {
		assertThat(Version.parse("")).isEmpty();
		assertThat(Version.parse("banana")).isEmpty();
		assertThat(Version.parse("1..2")).isEmpty();
	}

	@Test
	void shouldIgnoreBuildMetadataInPrecedence() {
		assertThat(Version.parse("1.2.3+build.5")).contains(Version.parse("1.2.3").orElseThrow());
	}

}
