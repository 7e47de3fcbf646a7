package dev.checkpoint.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a {@link NoDatabaseException} as Spring Boot's "APPLICATION FAILED TO START"
 * report, without a stack trace (registered in {@code META-INF/spring.factories}).
 */
class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
