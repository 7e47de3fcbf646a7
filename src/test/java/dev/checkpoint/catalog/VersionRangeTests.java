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

	@ParameterizedTest
	@CsvSource({ "'^1.2.3', 1.9.0, true", "'^1.2.3', 2.0.0, false", "'^1.2.3', 1.2.2, false", "'^0.2.3', 0.2.9, true",
			"'^0.2.3', 0.3.0, false", "'~1.2', 1.2.9, true", "'~1.2', 1.3.0, false", "'~1.2.3', 1.2.5, true",
			"'1.x', 1.5.0, true", "'1.x', 2.0.0, false", "'1.2.*', 1.2.7, true", "'1.2.3 - 2.3.4', 2.3.4, true",
			"'1.2.3 - 2.3.4', 2.3.5, false", "'1.2.3 - 2.3.4', 1.2.2, false", "'>= 1.0.0 < 2.0.0', 1.5.0, true",
			"'^5.0.0 || ~4.1', 4.1.7, true", "'^5.0.0 || ~4.1', 4.2.0, false", "'<2.0.0', 2.0.0-beta.1, true",
			"'=6.1.0-dev.13', 6.1.0-dev.13, true", "'x', 3.0.0, true" })
	void shouldMatchVersionsOfNpmsRangeGrammar(String range, String version, boolean expected) {
		assertThat(VersionRange.parse(range).orElseThrow().contains(Version.parse(version).orElseThrow()))
			.as("%s contains %s", range, version)
			.isEqualTo(expected);
	}

	@Test
	void shouldRefuseMalformedRange() {
		for (String refused : new String[] { ">=five", ">=1.0.0 <", "1.2.3.4", "<=a.b", "garbage", "^", ">=1.0.0 ||| 2",
				"1.0.0 - " }) {
			assertThat(VersionRange.parse(refused)).as(refused).isEmpty();
		}
	}

	@Test
	void shouldTreatStarAndEmptyAsEverything() {
		assertThat(VersionRange.parse("*").orElseThrow().isEverything()).isTrue();
		assertThat(VersionRange.parse("").orElseThrow().isEverything()).isTrue();
		assertThat(VersionRange.parse(">=1.0.0").orElseThrow().isEverything()).isFalse();
	}

}
