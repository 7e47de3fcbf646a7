package dev.checkpoint.errorreports;

import org.springframework.graphql.execution.ErrorType;

/**
 * A Prisma CLI mutation that cannot be carried out (an upload URL this server never
 * issued, one that expired or was completed already): a GraphQL error of the given
 * classification, which {@link PrismaGraphQlEndpoint} answers with its 4xx status.
 */
class PrismaReportRefusedException extends RuntimeException {

	private final ErrorType type;

	private PrismaReportRefusedException(ErrorType type, String message) {
		super(message, null, false, false);
		this.type = type;
	}

	ErrorType type() {
		return this.type;
	}

	static PrismaReportRefusedException invalid(String field) {
		return new PrismaReportRefusedException(ErrorType.BAD_REQUEST, field + " must not be blank.");
	}

	static PrismaReportRefusedException unknownUrl() {
		return new PrismaReportRefusedException(ErrorType.NOT_FOUND, "This is not an upload URL of this server.");
	}

	static PrismaReportRefusedException expired() {
		return new PrismaReportRefusedException(ErrorType.BAD_REQUEST, "This upload URL has expired.");
	}

	static PrismaReportRefusedException completed() {
		return new PrismaReportRefusedException(ErrorType.BAD_REQUEST, "This report is completed already.");
	}

}
