package dev.checkpoint.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformsTests {

	@Test
	void shouldNormaliseEverySpellingToItsNameWhenCaseAndBlanksDiffer() {
		assertThat(Platforms.os(" Windows_NT\n")).isEqualTo("windows");
		assertThat(Platforms.os("MacOS")).isEqualTo("darwin");
		assertThat(Platforms.arch("\tX86_64 ")).isEqualTo("amd64");
		assertThat(Platforms.arch("i686")).isEqualTo("386");
		assertThat(Platforms.arch("AArch64")).isEqualTo("arm64");
	}

	@Test
	void shouldKeepAnUnknownValueLowerCasedWhenNoNameIsSpelled() {
		assertThat(Platforms.os(" FreeBSD ")).isEqualTo("freebsd");
		assertThat(Platforms.os("")).isEmpty();
		assertThat(Platforms.arch("\u000bx64")).isEqualTo("\u000bx64");
	}

	@Test
	void shouldWriteEverySpellingIntoTheSqlWhenGeneratingIt() {
		String sql = Platforms.archSql("arch");
		Platforms.ARCH.forEach((name) -> name.spellings()
			.forEach((spelling) -> assertThat(sql).contains("when '" + spelling + "' then '" + name.name() + "'")));
		assertThat(sql).startsWith("case lower(btrim(arch, E'\\x20\\x09\\x0a\\x0d\\x0c'))");
	}

}
