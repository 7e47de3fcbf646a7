package dev.checkpoint.errorreports;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathIdsTests {

	@Test
	void shouldParseAUuidWhenThePathHoldsOne() {
		UUID id = UUID.randomUUID();
		assertThat(PathIds.parse(id.toString())).contains(id);
	}

	@Test
	void shouldFindNothingWhenThePathHoldsNoUuid() {
		assertThat(PathIds.parse("42")).isEmpty();
		assertThat(PathIds.parse("not-a-uuid-at-all-but-36-characters!")).isEmpty();
	}

	@Test
	void shouldCutALongIdShortWhenItIsQuoted() {
		assertThat(PathIds.quoted("abc")).isEqualTo("'abc'");
		assertThat(PathIds.quoted("x".repeat(100))).isEqualTo("'" + "x".repeat(40) + "…'");
	}

}
