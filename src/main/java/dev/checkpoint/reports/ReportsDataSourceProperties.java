package dev.checkpoint.reports;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the report API and the report jobs read from. Unset, they read the application's
 * database; set, a PostgreSQL streaming standby of it (hot standby), so that report
 * queries stay off the primary that takes the pings (the jobs still write there).
 *
 * @param url the standby's JDBC URL, or null to read the application's database
 * @param username its user
 * @param password its password
 * @param maximumPoolSize most connections to it (the report API's concurrent reads and
 * the jobs' reads)
 * @param maxLag how long a report job waits for the standby to replay what the primary
 * has written before reading there; past it, that read goes to the primary
 */
@ConfigurationProperties("checkpoint.reports.datasource")
@Validated
record ReportsDataSourceProperties(@Nullable String url, @Nullable String username, @Nullable String password,
		@DefaultValue("4") @Min(1) int maximumPoolSize, @DefaultValue("30s") Duration maxLag) {
}
