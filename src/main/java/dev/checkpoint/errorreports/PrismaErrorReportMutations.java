package dev.checkpoint.errorreports;

import java.net.URI;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The data fetchers of {@code graphql/prisma-error-reports.graphqls}.
 */
@Controller
class PrismaErrorReportMutations {

	/** The GraphQL context key of the scheme, host and port the CLI used. */
	static final String ORIGIN = "checkpoint.origin";

	private final PrismaErrorReportService reports;

	PrismaErrorReportMutations(PrismaErrorReportService reports) {
		this.reports = reports;
	}

	@QueryMapping
	boolean ok() {
		return true;
	}

	@MutationMapping
	String createErrorReport(@Argument CreateErrorReportInput data, @ContextValue(ORIGIN) URI origin) {
		return this.reports.create(data, origin);
	}

	/** GraphQL's {@code Int} is 32 bits: numbers beyond it are far away. */
	@MutationMapping
	int markErrorReportCompleted(@Argument String signedUrl) {
		return Math.toIntExact(this.reports.complete(signedUrl));
	}

}
