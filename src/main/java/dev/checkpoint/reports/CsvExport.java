package dev.checkpoint.reports;

import java.util.List;

/**
 * A response that can also be sent as CSV ({@code Accept: text/csv} or
 * {@code ?format=csv}) by {@link CsvHttpMessageConverter}.
 */
interface CsvExport {

	/** The file name offered in {@code Content-Disposition}. */
	String csvFilename();

	/** The header row. */
	List<String> csvHeader();

	/** The data rows, each as long as the header. */
	List<List<String>> csvRows();

}
