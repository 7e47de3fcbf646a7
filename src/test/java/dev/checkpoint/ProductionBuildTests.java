package dev.checkpoint;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's classes (what the jar ships) hold no benchmark code: the benchmark routes
 * live in {@code src/bench/java}, compiled here only with the tests and into a jar only
 * by {@code -Pbench}.
 */
class ProductionBuildTests {

	@Test
	void shouldShipNoBenchmarkRouteEntityOrSecurityRule() throws IOException, URISyntaxException {
		Path classes = Path.of(CheckpointApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		assertThat(classes.getFileName().toString()).isEqualTo("classes");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(classes)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		assertThat(files).isNotEmpty();
		for (Path file : files) {
			assertThat(file.getFileName().toString()).as("product class")
				.doesNotContainIgnoringCase("naive")
				.doesNotContainIgnoringCase("benchmark");
			if (file.toString().endsWith(".class")) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				assertThat(content).as("%s names a /bench route", classes.relativize(file)).doesNotContain("/bench");
			}
		}
	}

}
