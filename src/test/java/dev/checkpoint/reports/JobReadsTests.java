package dev.checkpoint.reports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How a standby's rows are written for {@code COPY ... FROM STDIN}. */
class JobReadsTests {

	@Test
	void shouldEscapeWhatCopysTextFormatGivesMeaningTo() {
		StringBuilder buffer = new StringBuilder();
		JobReads.appendCopyText(buffer, "a\\b\tc\nd\re {x,\"y z\"}");
		buffer.append('|');
		JobReads.appendCopyText(buffer, null);
		buffer.append('|');
		JobReads.appendCopyText(buffer, "");
		assertThat(buffer).hasToString("a\\\\b\\tc\\nd\\re {x,\"y z\"}|\\N|");
	}

	@Test
	void shouldNameArrayTypesAsSqlDoesAndRefuseOddOnes() {
		assertThat(JobReads.typeName("_text")).isEqualTo("text[]");
		assertThat(JobReads.typeName("timestamptz")).isEqualTo("timestamptz");
		assertThatIllegalArgumentException().isThrownBy(() -> JobReads.typeName("text); drop table pings; --"));
	}

}
