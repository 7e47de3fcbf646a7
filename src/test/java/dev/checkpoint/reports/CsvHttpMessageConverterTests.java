package dev.checkpoint.reports;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;

import static org.assertj.core.api.Assertions.assertThat;

class CsvHttpMessageConverterTests {

	private final CsvHttpMessageConverter converter = new CsvHttpMessageConverter();

	@Test
	void shouldQuoteEveryTextFieldAndDoubleQuotesPerRfc4180() {
		assertThat(CsvHttpMessageConverter.field("plain")).isEqualTo("\"plain\"");
		assertThat(CsvHttpMessageConverter.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(CsvHttpMessageConverter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(CsvHttpMessageConverter.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
		assertThat(CsvHttpMessageConverter.field("2026-03")).isEqualTo("\"2026-03\"");
		assertThat(CsvHttpMessageConverter.field("")).isEmpty();
	}

	@Test
	void shouldLeaveNumbersUnquotedAndUnprefixed() {
		assertThat(CsvHttpMessageConverter.field("42")).isEqualTo("42");
		assertThat(CsvHttpMessageConverter.field("-1")).isEqualTo("-1");
		assertThat(CsvHttpMessageConverter.field("+2.5")).isEqualTo("+2.5");
	}

	@Test
	void shouldDefuseSpreadsheetFormulasWhenValuesStartWithOperators() {
		assertThat(CsvHttpMessageConverter.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(CsvHttpMessageConverter.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(CsvHttpMessageConverter.field("+cmd")).isEqualTo("\"'+cmd\"");
		assertThat(CsvHttpMessageConverter.field("-1+1")).isEqualTo("\"'-1+1\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\t=1+1", "\r=1+1", " =1+1", "\n=1+1", "  \t @SUM(A1)", "\u00A0=1+1", "\u3000=1+1",
			"\u200B=1+1", "\uFEFF=1+1", "\u0000=1+1", "\uFF1D1+1", "\uFF0B1+1", "\uFF0D1+1", "\uFF20SUM(A1)",
			" \uFF1D1+1", "\tplain", "\rplain" })
	void shouldDefuseFormulasBehindBlanksFullwidthOperatorsTabsAndCarriageReturns(String value) {
		assertThat(CsvHttpMessageConverter.field(value)).isEqualTo("\"'" + value + "\"");
	}

	@Test
	void shouldQuoteTextSoThatSemicolonSeparatorsCannotStartANewCell() {
		assertThat(CsvHttpMessageConverter.field("1;=cmd|' /C calc'!A0")).isEqualTo("\"1;=cmd|' /C calc'!A0\"");
	}

	@Test
	void shouldWriteHeaderRowsAndAttachmentNameWhenExportingBreakdown() throws Exception {
		BreakdownResponse breakdown = new BreakdownResponse("a/b", YearMonth.of(2026, 3), "os",
				List.of(new BreakdownRowView("linux", 3, 9)));
		MockHttpOutputMessage output = new MockHttpOutputMessage();
		this.converter.write(breakdown, MediaType.parseMediaType("text/csv"), output);
		assertThat(output.getHeaders().getContentType()).isEqualTo(CsvHttpMessageConverter.TEXT_CSV);
		assertThat(output.getHeaders().getContentDisposition().getFilename()).isEqualTo("mau-a_b-2026-03-os.csv");
		assertThat(output.getBodyAsString(StandardCharsets.UTF_8))
			.isEqualTo("\"product\",\"month\",\"dimension\",\"value\",\"developers\",\"pings\",\"folded_values\"\r\n"
					+ "\"a/b\",\"2026-03\",\"os\",\"linux\",3,9,0\r\n");
		assertThat(this.converter.canRead(BreakdownResponse.class, MediaType.parseMediaType("text/csv"))).isFalse();
	}

}
