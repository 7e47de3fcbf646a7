package dev.checkpoint.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.checkpoint.CheckpointIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong tokens are cheap to refuse: a client address that sends too many gets 429 before
 * any lookup, and a wrong token sent again within the cache time is refused without a
 * query. Queries are counted at the JDBC level, by Hibernate's statistics of the
 * statements it prepared (the token lookup is the only JPA query of a refused request).
 */
@CheckpointIntegrationTest(properties = { "checkpoint.rate-limits.limits.auth-failures.enabled=true",
		"spring.jpa.properties.hibernate.generate_statistics=true" })
class AuthenticationFailureIntegrationTests {

	private static final String BOOTSTRAP = "Bearer test-bootstrap-admin-token-0123456789abcdef";

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void shouldRefuseWithTooManyRequestsWhenOneAddressSendsThirtyWrongTokens() {
		RequestPostProcessor client = newClient();
		List<Integer> statuses = new ArrayList<>();
		MvcTestResult last = null;
		for (int i = 0; i < 30; i++) {
			last = tokens("Bearer cpt_wrong-" + UUID.randomUUID(), client);
			statuses.add(last.getResponse().getStatus());
		}
		assertThat(statuses).startsWith(401).contains(429).containsOnly(401, 429);
		assertThat(statuses.subList(statuses.indexOf(429), statuses.size())).containsOnly(429);
		assertThat(last).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(last).bodyJson().extractingPath("$.type").isEqualTo("https://checkpoint.dev/problems/rate-limited");
		assertThat(Long.parseLong(last.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isPositive();
		assertThat(tokens(BOOTSTRAP, client)).as("any token from the throttled address").hasStatus(429);

		RequestPostProcessor other = newClient();
		assertThat(tokens("Bearer cpt_wrong-" + UUID.randomUUID(), other)).hasStatus(401);
		assertThat(tokens(BOOTSTRAP, other)).hasStatusOk();
	}

	@Test
	void shouldLookUpEachDistinctWrongTokenOnceWithinTheCacheTime() {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		List<String> wrong = List.of("Bearer cpt_wrong-a-" + UUID.randomUUID(),
				"Bearer cpt_wrong-b-" + UUID.randomUUID(), "Bearer cpt_wrong-c-" + UUID.randomUUID());
		long before = statistics.getPrepareStatementCount();
		for (int round = 0; round < 4; round++) {
			RequestPostProcessor client = newClient();
			for (String token : wrong) {
				assertThat(tokens(token, client)).hasStatus(401);
			}
		}
		assertThat(statistics.getPrepareStatementCount() - before).isEqualTo(wrong.size());
	}

	private MvcTestResult tokens(String authorization, RequestPostProcessor client) {
		return this.mvc.get()
			.uri("/api/admin/tokens")
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.with(client)
			.exchange();
	}

	/** A client address of its own, so that each test meets only its own limit. */
	private static RequestPostProcessor newClient() {
		int client = CLIENTS.incrementAndGet();
		return (request) -> {
			request.setRemoteAddr("203.0.113." + client);
			return request;
		};
	}

}
