package dev.checkpoint.errorreports;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the crash reports.
 *
 * @param retention how long a report is kept; groups left without reports go too
 * @param retentionCron when the retention job runs (server time zone, Spring's six-field
 * format, {@code -} for never)
 * @param recentReports how many of a group's newest reports its detail view lists
 * @param attachments which files sent with a report are kept: {@code keep} (all),
 * {@code schema-only} (the {@code .prisma} schema files, not the migrations) or
 * {@code none}
 * @param prisma the Prisma CLI's own protocol ({@code POST /})
 * @param upload limits on the zip that the Prisma CLI uploads
 */
@ConfigurationProperties("checkpoint.error-reports")
@Validated
record ErrorReportsProperties(@DefaultValue("90d") @DurationMin(hours = 1) Duration retention,
		@DefaultValue("0 30 3 * * *") @NotBlank String retentionCron,
		@DefaultValue("20") @Min(1) @Max(200) int recentReports, @DefaultValue("keep") Attachments attachments,
		@DefaultValue @Valid Prisma prisma, @DefaultValue @Valid Upload upload) {

	/** Which attachments are kept. */
	enum Attachments {

		KEEP, SCHEMA_ONLY, NONE

	}

	/**
	 * @param product the product the CLI's reports are filed under
	 * @param uploadUrlValidity how long an upload URL can upload and complete its report
	 * @param uploadSigningKey the HMAC key that signs upload URLs (at least 32
	 * characters); unset, a random key is made at the first start and kept in the
	 * database, shared by every instance
	 */
	record Prisma(@DefaultValue("prisma") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String product,
			@DefaultValue("15m") @DurationMin(seconds = 10) @DurationMax(days = 1) Duration uploadUrlValidity,
			@Nullable @Size(min = 32, message = "must be at least 32 characters") String uploadSigningKey) {
	}

	/**
	 * @param maxSize largest zip body (compressed)
	 * @param maxEntries most files in one zip
	 * @param maxExpandedSize most bytes of all files of one zip once inflated
	 */
	record Upload(@DefaultValue("1MB") DataSize maxSize, @DefaultValue("200") @Min(1) @Max(10_000) int maxEntries,
			@DefaultValue("4MB") DataSize maxExpandedSize) {
	}

}
