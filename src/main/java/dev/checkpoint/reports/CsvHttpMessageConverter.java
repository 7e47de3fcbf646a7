package dev.checkpoint.reports;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a {@link CsvExport} as RFC 4180 CSV: a header row, CRLF line ends, every field
 * but plain numbers quoted (so that no separator a spreadsheet may guess, such as
 * {@code ;}, splits a field), quotes doubled. Text that a spreadsheet would run as a
 * formula gets a leading {@code '}, since values such as versions come from clients: text
 * whose first non-blank character is {@code = + - @} or their fullwidth forms, and text
 * that starts with a tab or carriage return.
 */
class CsvHttpMessageConverter extends AbstractHttpMessageConverter<CsvExport> {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final String TEXT_CSV_VALUE = "text/csv";

	/** {@code = + - @} and their fullwidth forms. */
	private static final String FORMULA_LEADS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

	CsvHttpMessageConverter() {
		super(StandardCharsets.UTF_8, TEXT_CSV);
	}

	@Override
	protected boolean supports(Class<?> type) {
		return CsvExport.class.isAssignableFrom(type);
	}

	@Override
	protected boolean canRead(MediaType mediaType) {
		return false;
	}

	@Override
	protected CsvExport readInternal(Class<? extends CsvExport> type, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("CSV is not accepted as input.", input);
	}

	@Override
	protected void writeInternal(CsvExport export, HttpOutputMessage output) throws IOException {
		output.getHeaders()
			.setContentDisposition(ContentDisposition.attachment().filename(export.csvFilename()).build());
		Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
		writeRow(writer, export.csvHeader());
		for (List<String> row : export.csvRows()) {
			writeRow(writer, row);
		}
		writer.flush();
	}

	private static void writeRow(Writer writer, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(field(fields.get(i)));
		}
		writer.write("\r\n");
	}

	static String field(String value) {
		if (value.isEmpty() || isNumber(value)) {
			return value;
		}
		String safe = isFormula(value) ? "'" + value : value;
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

	private static boolean isFormula(String value) {
		char first = value.charAt(0);
		if (first == '\t' || first == '\r') {
			return true;
		}
		return value.codePoints()
			.filter((c) -> !isBlank(c))
			.findFirst()
			.stream()
			.anyMatch((c) -> FORMULA_LEADS.indexOf(c) >= 0);
	}

	/** Whitespace, control and format characters: what a spreadsheet may skip. */
	private static boolean isBlank(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
				|| Character.getType(c) == Character.FORMAT;
	}

	private static boolean isNumber(String value) {
		return value.matches("[-+]?\\d+(\\.\\d+)?");
	}

}
