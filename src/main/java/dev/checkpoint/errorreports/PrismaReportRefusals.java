package dev.checkpoint.errorreports;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link PrismaReportRefusedException} into a GraphQL error of its
 * classification, with its message. Other exceptions are left to Spring for GraphQL (an
 * {@code INTERNAL_ERROR} without details).
 */
@Component
class PrismaReportRefusals extends DataFetcherExceptionResolverAdapter {

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof PrismaReportRefusedException refused) {
			return GraphqlErrorBuilder.newError(env).errorType(refused.type()).message(refused.getMessage()).build();
		}
		return null;
	}

}
