package dev.checkpoint.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL that reports normalise stored os and arch values with agrees with the Java
 * normalisation, value for value, on PostgreSQL: every spelling, in other cases and with
 * blanks around it, and values that spell no name (ASCII, as clients send them: how
 * {@code lower()} treats other letters depends on the database's locale).
 */
@CheckpointIntegrationTest
class PlatformsSqlIntegrationTests {

	private static final List<String> OTHERS = List.of("", " ", "linux", " FreeBSD ", "x86_32", "win 32", "\u000bwin32",
			"amd64\u00a0");

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldNormaliseOsInSqlAsInJavaWhenGivenAnySpelling() {
		List<String> values = values(Platforms.OS);
		assertThat(inSql(Platforms.osSql("value"), values)).isEqualTo(values.stream().map(Platforms::os).toList())
			.contains("windows", "darwin");
	}

	@Test
	void shouldNormaliseArchInSqlAsInJavaWhenGivenAnySpelling() {
		List<String> values = values(Platforms.ARCH);
		assertThat(inSql(Platforms.archSql("value"), values)).isEqualTo(values.stream().map(Platforms::arch).toList())
			.contains("amd64", "386", "arm64");
	}

	private List<String> inSql(String expression, List<String> values) {
		return this.jdbc
			.sql("select " + expression + " from unnest(?::text[]) with ordinality as t(value, i) order by i")
			.param(new SqlArrayValue("text", values.toArray()))
			.query(String.class)
			.list();
	}

	private static List<String> values(List<Platforms.Name> names) {
		List<String> spellings = new ArrayList<>(OTHERS);
		names.forEach((name) -> {
			spellings.add(name.name());
			spellings.addAll(name.spellings());
		});
		List<String> values = new ArrayList<>();
		for (String spelling : spellings) {
			for (Function<String, String> variant : List.<Function<String, String>>of((s) -> s,
					(s) -> s.toUpperCase(Locale.ROOT), (s) -> Platforms.TRIMMED + s + Platforms.TRIMMED,
					(s) -> " " + s.substring(0, s.length() / 2).toUpperCase(Locale.ROOT) + s.substring(s.length() / 2)
							+ "\t")) {
				values.add(variant.apply(spelling));
			}
		}
		return values;
	}

}
