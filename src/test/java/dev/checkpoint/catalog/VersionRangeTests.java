package dev.checkpoint.catalog;

import dev.checkpoint.shared.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VersionRangeTests {

	@ParameterizedTest
	@CsvSource({ "'>=5.0.0 <5.4.2', 5.0.0, true", "'>=5.0.0 <5.4.2', 5.4.1, true", "'>=5.0.0 <5.4.2', 5.4.2, false",
			"'>=5.0.0 <5.4.2', 4.9.9, false", "'>=5.0.0 <5.4.2', 5.4.2-dev.1, true", "'<1.0.0 || >=2.0.0', 0.9.0, true",
			"'<1.0.0 || >=2.0.0', 1.5.0, false", "'=1.2.3', 1.2.3, true", "'1.2.3', 1.2.4, false",
			"'>1.0.0 <=1.1.0', 1.1.0, true", "'*', 0.0.1, true" })
	void shouldMatchVersions(String range, String version, boolean expected) {
		assertThat(VersionRange.parse(range).orElseThrow().contains(Version.parse(version).orElseThrow()))
			.isEqualTo(expected);
	}

	@Test
	void shouldRefuseMalformedRange() {
		assertThat(VersionRange.parse(">=five")).isEmpty();
		assertThat(VersionRange.parse(">= 1.0.0")).isEmpty();
	}

	@Test
	void shouldTreatStarAndEmptyAsEverything() {
		assertThat(VersionRange.parse("*").orElseThrow().isEverything()).isTrue();
		assertThat(VersionRange.parse("").orElseThrow().isEverything()).isTrue();
		assertThat(VersionRange.parse(">=1.0.0").orElseThrow().isEverything()).isFalse();
	}

}
