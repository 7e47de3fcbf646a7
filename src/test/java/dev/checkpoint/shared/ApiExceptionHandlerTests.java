package dev.checkpoint.shared;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void shouldAnswerDatabaseErrorWith503WithoutSql() {
		ResponseEntity<ProblemDetail> answer = this.handler
			.handleDatabaseError(new BadSqlGrammarException("insert", "insert into pings (secret_column) values (?)",
					new SQLException("column \"secret_column\" does not exist")));
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getBody().getType()).isEqualTo(ProblemTypes.UNAVAILABLE);
		assertThat(answer.getBody().getDetail()).doesNotContain("insert").doesNotContain("secret_column");
	}

	@Test
	void shouldAnswerUnreachableDatabaseWith503() {
		ResponseEntity<ProblemDetail> answer = this.handler.handleDatabaseError(
				new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getBody().getDetail()).doesNotContain("JDBC");
	}

	@Test
	void shouldAnswerUnexpectedErrorWithGenericDetail() {
		ResponseEntity<ProblemDetail> answer = this.handler
			.handleUnexpected(new IllegalStateException("select * from api_tokens where token_hash = 'x'"));
		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getBody().getType()).isEqualTo(ProblemTypes.INTERNAL);
		assertThat(answer.getBody().getDetail()).isEqualTo("The server could not complete the request.");
		assertThat(answer.getBody().getProperties()).isNull();
	}

}
