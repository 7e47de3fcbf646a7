package dev.checkpoint.catalog;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST} or {@code PUT} of a notice: the alert text and who receives it. A
 * {@code PUT} replaces every value but {@code published_at} (unchanged when absent) and
 * brings a retired notice back.
 *
 * @param message the text clients show
 * @param url where to read more
 * @param level {@code info}, {@code warning} or {@code critical}
 * @param versionRange the versions that receive it, e.g. {@code >=5.0.0 <5.4.2}; every
 * version when absent or {@code *}
 * @param os only clients on this operating system (normalised, {@code win32} is
 * {@code windows}); every one when absent
 * @param arch only clients on this architecture ({@code x64} is {@code amd64}); every one
 * when absent
 * @param publishedAt when it was published; now when absent
 */
record NoticeRequest(
		@NotBlank(message = "must not be blank") @Size(
				max = 1000, message = "must be at most 1000 characters") @Nullable String message,
		@HttpUrl @Nullable String url,
		@NotBlank(message = "must not be blank") @Pattern(regexp = "info|warning|critical",
				message = "must be one of info, warning, critical") @Nullable String level,
		@Size(max = 200, message = "must be at most 200 characters") @ValidVersionRange @Nullable String versionRange,
		@Pattern(regexp = PLATFORM, message = PLATFORM_MESSAGE) @Nullable String os,
		@Pattern(regexp = PLATFORM, message = PLATFORM_MESSAGE) @Nullable String arch, @Nullable Instant publishedAt) {

	static final String PLATFORM = "[A-Za-z0-9._-]{0,32}";

	static final String PLATFORM_MESSAGE = "must be at most 32 letters, digits, dots, underscores or dashes";

}
