package dev.checkpoint.catalog;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpUrlTests {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@ParameterizedTest
	@ValueSource(strings = { "https://acme.example/download/2.0.0?os=linux&arch=x64#sha256",
			"http://localhost:8080/notes/1.0.0", "https://acme.example/caf%C3%A9?q=a+b;c=d,e@f!$'()*~_.-#top",
			"https://[2001:db8::1]/x" })
	void shouldAcceptHttpUrlsWithQueryAndFragment(String url) {
		assertThat(isValid(url)).isTrue();
	}

	@Test
	void shouldAcceptNullAndEmptyAsNoUrl() {
		assertThat(isValid(null)).isTrue();
		assertThat(isValid("")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"", "<", ">", "`", "^", "{", "}", "|", "\\" })
	void shouldRefuseCharactersThatUrlsMustNotCarry(String character) {
		assertThat(isValid("https://acme.example/a" + character + "b")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { " ", "\t", "\n", "\r", "\u000B", "\f", "\u0000", "\u001F", "\u007F", "\u0085", "\u00A0",
			"\u3000" })
	void shouldRefuseWhitespaceAndControlCharacters(String character) {
		assertThat(isValid("https://acme.example/a" + character + "b")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u2028", "\u2029" })
	void shouldRefuseLineAndParagraphSeparators(String character) {
		assertThat(isValid("https://acme.example/a" + character + "b")).isFalse();
		assertThat(isValid("https://acme.example/" + character)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "é", "\u200B", "\uFEFF", "\uFF1C", "\uD83D\uDE00" })
	void shouldRefuseNonAsciiCharactersThatAreNotPercentEncoded(String character) {
		assertThat(isValid("https://acme.example/a" + character + "b")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://acme.example/100%", "https://acme.example/%zz", "https://acme.example/%2" })
	void shouldRefuseBrokenPercentEncoding(String url) {
		assertThat(isValid(url)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://acme.example/x", "https://", "acme.example", "javascript:alert(1)" })
	void shouldRefuseOtherSchemesAndBareHosts(String url) {
		assertThat(isValid(url)).isFalse();
	}

	@Test
	void shouldRefuseUrlsLongerThan2048Characters() {
		String prefix = "https://acme.example/";
		assertThat(isValid(prefix + "a".repeat(2048 - prefix.length()))).isTrue();
		assertThat(isValid(prefix + "a".repeat(2049 - prefix.length()))).isFalse();
		assertThat(isValid(prefix + "\u2028".repeat(100_000))).isFalse();
	}

	private static boolean isValid(@Nullable String url) {
		return VALIDATOR.validate(new Link(url)).isEmpty();
	}

	record Link(@HttpUrl @Nullable String url) {
	}

}
