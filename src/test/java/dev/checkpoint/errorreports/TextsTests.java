package dev.checkpoint.errorreports;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTests {

	@Test
	void shouldCutAtByteLimitWithoutSplittingCharactersWhenTextIsLong() {
		String text = "é".repeat(3000);
		String cut = Texts.truncateUtf8(text, 4096);
		assertThat(cut).hasSize(2048);
		assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(4096);
		String emoji = "a" + "😀".repeat(2000);
		assertThat(Texts.truncateUtf8(emoji, 4096).getBytes(StandardCharsets.UTF_8)).hasSize(4093);
	}

	@Test
	void shouldKeepTextWhenItFits() {
		assertThat(Texts.truncateUtf8("short", 4096)).isEqualTo("short");
		assertThat(Texts.truncateChars("short", 128)).isEqualTo("short");
		assertThat(Texts.truncateUtf8(null, 4096)).isNull();
	}

	@Test
	void shouldNotSplitSurrogatePairWhenCuttingCharacters() {
		assertThat(Texts.truncateChars("ab😀", 3)).isEqualTo("ab");
		assertThat(Texts.truncateChars("x".repeat(200), 128)).hasSize(128);
	}

	@Test
	void shouldRemoveNulCharactersWhenPresent() {
		assertThat(Texts.withoutNul("a\0b\0")).isEqualTo("ab");
	}

}
