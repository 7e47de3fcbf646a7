package dev.checkpoint.errorreports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class ZipAttachmentReaderTests {

	private final ZipAttachmentReader reader = new ZipAttachmentReader(
			new ErrorReportsProperties.Upload(DataSize.ofKilobytes(64), 3, DataSize.ofKilobytes(16)));

	@Test
	void shouldReadFlatTextFilesWithRepeatedNamesInOrder() throws Exception {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("migration_lock.toml", "provider = \"postgresql\"");
		files.put("schema.prisma", "model A { id Int @id }");
		assertThat(this.reader.read(PrismaErrorReportProtocolTests.zip(files)))
			.extracting(Attachment::name, Attachment::content)
			.containsExactly(tuple("migration_lock.toml", "provider = \"postgresql\""),
					tuple("schema.prisma", "model A { id Int @id }"));
	}

	@Test
	void shouldStopAtTheExpandedLimitWhenZipIsABomb() throws Exception {
		byte[] bomb = PrismaErrorReportProtocolTests.zip(Map.of("a.sql", " ".repeat(1_000_000)));
		assertThat(bomb.length).isLessThan(4_000);
		assertRefused(bomb, 413);
	}

	@Test
	void shouldRefuseTruncatedZip() throws Exception {
		byte[] zip = PrismaErrorReportProtocolTests.zip(Map.of("a.sql", "select 1;", "b.sql", "select 2;"));
		assertRefused(Arrays.copyOf(zip, zip.length - 30), 400);
		assertRefused(Arrays.copyOf(zip, 40), 400);
	}

	@Test
	void shouldAcceptEmptyArchive() throws Exception {
		assertThat(this.reader.read(PrismaErrorReportProtocolTests.zip(Map.of()))).isEmpty();
	}

	private void assertRefused(byte[] zip, int status) {
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> this.reader.read(zip))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(status));
	}

}
