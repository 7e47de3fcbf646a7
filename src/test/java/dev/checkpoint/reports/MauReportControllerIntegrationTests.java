package dev.checkpoint.reports;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@CheckpointIntegrationTest
class MauReportControllerIntegrationTests {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void storeReports() {
		PingFixtures.truncateAll(this.jdbc);
		report("acme", "2026-01", 120, 100, 60, 7, true);
		report("acme", "2026-02", 130, 105, 70, 0, true);
		report("acme", "2026-04", 90, 80, 30, 3, false);
		report("zeta", "2026-02", 1, 1, 0, 0, true);
		breakdown("acme", "2026-02", "version", "1.0.0", 40, 400);
		breakdown("acme", "2026-02", "version", "2.0.0", 90, 300);
		breakdown("acme", "2026-02", "version", "=1+2,\"x\"", 6, 2);
		breakdown("acme", "2026-02", "version", "0.9.0", 3, 5);
		breakdown("acme", "2026-02", "version", "0.8.0", 1, 1);
		breakdown("acme", "2026-02", "os", "linux", 130, 700);
	}

	@Test
	void shouldListProductsWithReportsWhenOperatorAsks() {
		assertThat(this.mvc.get().uri("/api/reports/products").with(user("ops").roles("OPERATOR"))).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("[\"acme\",\"zeta\"]");
	}

	@Test
	void shouldReturnMonthsInRangeAsSnakeCaseJsonWhenProductHasReports() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/reports/mau?product=acme&from=2026-01&to=2026-03")
			.with(user("ops").roles("OPERATOR"))
			.exchange();
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON).bodyJson().isStrictlyEqualTo("""
				{"product": "acme", "from": "2026-01", "to": "2026-03", "months": [
				  {"month": "2026-01", "developers": 120, "developers_excluding_ci": 100, "returning_developers": 60,
				   "anonymous_pings": 7, "final": true, "computed_at": "2026-05-01T00:05:00Z"},
				  {"month": "2026-02", "developers": 130, "developers_excluding_ci": 105, "returning_developers": 70,
				   "anonymous_pings": 0, "final": true, "computed_at": "2026-05-01T00:05:00Z"}]}""");
	}

	@Test
	void shouldDefaultToTheLastTwelveMonthsWhenNoRangeIsGiven() {
		YearMonth now = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		report("recent", now.toString(), 5, 5, 1, 0, false);
		report("recent", now.minusMonths(11).toString(), 4, 4, 1, 0, true);
		report("recent", now.minusMonths(12).toString(), 3, 3, 1, 0, true);
		assertThat(this.mvc.get().uri("/api/reports/mau?product=recent").with(user("ops").roles("OPERATOR")))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"{\"from\": \"%s\", \"to\": \"%s\", \"months\": [{\"developers\": 4}, {\"developers\": 5}]}"
						.formatted(now.minusMonths(11), now));
	}

	@Test
	void shouldAnswerEmptyMonthsWhenProductIsUnknown() {
		assertThat(this.mvc.get()
			.uri("/api/reports/mau?product=nope&from=2026-01&to=2026-12")
			.with(user("ops").roles("OPERATOR"))).hasStatusOk().bodyJson().isLenientlyEqualTo("{\"months\": []}");
	}

	@Test
	void shouldAnswerCsvWhenAcceptIsTextCsv() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/reports/mau?product=acme&from=2026-01&to=2026-12")
			.accept(MediaType.parseMediaType("text/csv"))
			.with(user("ops").roles("OPERATOR"))
			.exchange();
		assertThat(result).hasStatusOk()
			.hasContentType(CSV)
			.hasHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-acme-2026-01-2026-12.csv\"")
			.hasBodyTextEqualTo(
					"""
							"product","month","developers","developers_excluding_ci","returning_developers","anonymous_pings","final","computed_at"\r
							"acme","2026-01",120,100,60,7,"true","2026-05-01T00:05:00Z"\r
							"acme","2026-02",130,105,70,0,"true","2026-05-01T00:05:00Z"\r
							"acme","2026-04",90,80,30,3,"false","2026-05-01T00:05:00Z"\r
							""");
	}

	@Test
	void shouldAnswerCsvWhenFormatParameterSaysSoWhateverTheAcceptHeader() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/reports/mau/acme/2026-02/breakdown?dimension=version&format=csv")
			.accept(MediaType.APPLICATION_JSON)
			.with(user("ops").roles("OPERATOR"))
			.exchange();
		assertThat(result).hasStatusOk()
			.hasContentType(CSV)
			.hasHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-acme-2026-02-version.csv\"")
			.hasBodyTextEqualTo("""
					"product","month","dimension","value","developers","pings","folded_values"\r
					"acme","2026-02","version","2.0.0",90,300,0\r
					"acme","2026-02","version","1.0.0",40,400,0\r
					"acme","2026-02","version","'=1+2,""x""\",6,2,0\r
					"acme","2026-02","version","other",4,6,2\r
					""");
	}

	@Test
	void shouldReturnBreakdownNewestVersionFirstWithSmallCellsFoldedWhenDimensionIsKnown() {
		assertThat(this.mvc.get()
			.uri("/api/reports/mau/acme/2026-02/breakdown?dimension=version")
			.with(user("ops").roles("OPERATOR"))).hasStatusOk().bodyJson().isStrictlyEqualTo("""
					{"product": "acme", "month": "2026-02", "dimension": "version", "rows": [
					  {"value": "2.0.0", "developers": 90, "pings": 300, "folded_values": 0},
					  {"value": "1.0.0", "developers": 40, "pings": 400, "folded_values": 0},
					  {"value": "=1+2,\\"x\\"", "developers": 6, "pings": 2, "folded_values": 0},
					  {"value": "other", "developers": 4, "pings": 6, "folded_values": 2}]}""");
		assertThat(this.mvc.get()
			.uri("/api/reports/mau/acme/2026-03/breakdown?dimension=node_version")
			.with(user("ops").roles("OPERATOR"))).hasStatusOk().bodyJson().isLenientlyEqualTo("{\"rows\": []}");
	}

	@Test
	void shouldRefuseWithoutCredentials() {
		assertThat(this.mvc.get().uri("/api/reports/mau?product=acme")).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/reports/products")).hasStatus(401);
	}

	@Test
	void shouldAcceptAdminTokenSinceAdminsAreOperatorsToo() {
		assertThat(this.mvc.get()
			.uri("/api/reports/products")
			.header(HttpHeaders.AUTHORIZATION, "Bearer test-bootstrap-admin-token-0123456789abcdef")).hasStatusOk();
	}

	private void report(String product, String month, long developers, long excludingCi, long returning, long anonymous,
			boolean closed) {
		this.jdbc.sql("""
				insert into mau_reports (product, month, developers, developers_excluding_ci, returning_developers,
				  anonymous_pings, final, computed_at)
				values (?, ?, ?, ?, ?, ?, ?, timestamptz '2026-05-01 00:05:00+00')""")
			.params(product, YearMonth.parse(month).atDay(1), developers, excludingCi, returning, anonymous, closed)
			.update();
	}

	private void breakdown(String product, String month, String dimension, String value, long developers, long pings) {
		this.jdbc.sql("""
				insert into mau_breakdowns (product, month, dimension, value, developers, pings)
				values (?, ?, ?, ?, ?, ?)""")
			.params(product, YearMonth.parse(month).atDay(1), dimension, value, developers, pings)
			.update();
	}

}
