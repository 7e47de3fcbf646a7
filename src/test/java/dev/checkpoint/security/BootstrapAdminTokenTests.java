package dev.checkpoint.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The bootstrap admin token is long enough to resist guessing, or the server does not
 * start; while it is set, every start warns.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminTokenTests {

	private static final String WARNING = "checkpoint.security.bootstrap-admin-token is set";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(BootstrapTokenConfiguration.class);

	@Test
	void shouldRefuseToStartWithoutRevealingTheTokenWhenItIsShorterThan32Characters() {
		String shortToken = "short-admin-token-31-characters";
		assertThat(shortToken).hasSize(31);
		this.runner.withPropertyValues("checkpoint.security.bootstrap-admin-token=" + shortToken).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 32 characters");
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				assertThat(String.valueOf(cause.getMessage())).doesNotContain(shortToken);
			}
		});
	}

	@Test
	void shouldExplainTheRefusalToStartWithoutRevealingTheToken(CapturedOutput output) {
		String shortToken = "short-admin-token-31-characters";
		SpringApplication application = new SpringApplication(BootstrapTokenConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--checkpoint.security.bootstrap-admin-token=" + shortToken));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("checkpoint.security.bootstrap-admin-token must be at least 32 characters")
			.doesNotContain(shortToken);
	}

	@Test
	void shouldStartAndWarnWhenATokenOf32CharactersIsSet(CapturedOutput output) {
		this.runner.withPropertyValues("checkpoint.security.bootstrap-admin-token=" + "k".repeat(32))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(BootstrapAdminToken.class));
		assertThat(output).contains(WARNING);
	}

	@Test
	void shouldStartWithoutWarningWhenNoTokenIsSet(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues("checkpoint.security.bootstrap-admin-token=")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(WARNING);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SecurityProperties.class)
	@Import(BootstrapAdminToken.class)
	static class BootstrapTokenConfiguration {

	}

}
