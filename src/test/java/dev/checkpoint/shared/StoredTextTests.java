package dev.checkpoint.shared;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTextTests {

	@Test
	void shouldRemoveNulCharactersWhenPresent() {
		assertThat(StoredText.withoutNul("a\0b\0")).isEqualTo("ab");
		assertThat(StoredText.withoutNul("ab")).isEqualTo("ab");
		assertThat(StoredText.withoutNul(null)).isNull();
	}

	@Test
	void shouldDropNulAndTheGivenCharactersWhenCleaning() {
		assertThat(StoredText.clean("a\0b\u001fc", 128, '\u001f')).isEqualTo("abc");
		assertThat(StoredText.clean("a\u001fb", 128)).isEqualTo("a\u001fb");
		assertThat(StoredText.clean(null, 128, '\u001f')).isNull();
	}

	@Test
	void shouldCutAtTheLimitAfterDroppingCharactersWhenCleaning() {
		assertThat(StoredText.clean("\0".repeat(10) + "abc", 3)).isEqualTo("abc");
		assertThat(StoredText.clean("x".repeat(200), 128)).hasSize(128);
	}

	@Test
	void shouldCountCodePointsWhenCuttingCharacters() {
		assertThat(StoredText.truncate("ab😀", 3)).isEqualTo("ab😀");
		assertThat(StoredText.truncate("ab😀c", 3)).isEqualTo("ab😀");
		assertThat(StoredText.truncate("😀".repeat(10), 4)).isEqualTo("😀".repeat(4));
		assertThat(StoredText.truncate("short", 128)).isEqualTo("short");
		assertThat(StoredText.truncate(null, 128)).isNull();
	}

	@Test
	void shouldCutAtByteLimitWithoutSplittingCharactersWhenTextIsLong() {
		String text = "é".repeat(3000);
		String cut = StoredText.truncateUtf8(text, 4096);
		assertThat(cut).hasSize(2048);
		assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(4096);
		String emoji = "a" + "😀".repeat(2000);
		assertThat(StoredText.truncateUtf8(emoji, 4096).getBytes(StandardCharsets.UTF_8)).hasSize(4093);
	}

	@Test
	void shouldKeepTextWhenItFitsTheByteLimit() {
		assertThat(StoredText.truncateUtf8("short", 4096)).isEqualTo("short");
		assertThat(StoredText.truncateUtf8(null, 4096)).isNull();
	}

}
