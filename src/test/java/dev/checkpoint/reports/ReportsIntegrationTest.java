package dev.checkpoint.reports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.checkpoint.TestcontainersConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * One application context for the reports tests, against the real database, with the
 * reports and retention crons switched off so that only the tests compute reports (the
 * start-up catch-up still runs, before any test).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "checkpoint.reports.refresh-cron=-", "checkpoint.reports.close-cron=-",
		"checkpoint.ingest.retention-cron=-" })
@AutoConfigureMockMvc
@Import(TestcontainersConfiguration.class)
@interface ReportsIntegrationTest {

}
