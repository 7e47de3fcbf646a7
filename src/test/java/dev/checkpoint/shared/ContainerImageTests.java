package dev.checkpoint.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The container image's database settings, read from the {@code Dockerfile} (no image is
 * built here): without a database URL the server refuses to start; told to, it runs the
 * embedded PostgreSQL, whose data the image keeps on a volume.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContainerImageTests {

	private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class,
				DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class));

	@Test
	void shouldRefuseToStartWithoutADatabaseUrlAndNameBothWaysOut(CapturedOutput output) throws IOException {
		SpringApplication application = new SpringApplication(DatabaseOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(withEnvironment(imageEnvironment()));
		assertThatException().isThrownBy(() -> application.run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No database is configured: SPRING_DATASOURCE_URL is not set")
			.contains("Either set SPRING_DATASOURCE_URL")
			.contains("or set CHECKPOINT_EMBEDDEDPOSTGRES_ENABLED=true")
			.contains("mount one on /application/data")
			.doesNotContain("Started embedded PostgreSQL");
	}

	@Test
	void shouldUseTheDatabaseUrlWhenOneIsSet() throws IOException {
		Map<String, Object> environment = imageEnvironment();
		environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/checkpoint");
		this.runner.withInitializer(withEnvironment(environment))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgres.class));
	}

	@Test
	void shouldRunTheEmbeddedDatabaseWhenToldTo(@TempDir Path volume) throws IOException {
		Map<String, Object> environment = imageEnvironment();
		environment.put("CHECKPOINT_EMBEDDEDPOSTGRES_ENABLED", "true");
		// a directory of this machine instead of the image's /application/data/postgres
		environment.put("CHECKPOINT_EMBEDDEDPOSTGRES_DATADIRECTORY", volume.resolve("postgres").toString());
		this.runner.withInitializer(withEnvironment(environment)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(EmbeddedPostgres.class);
			assertThat(context.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class)).isOne();
		});
		assertThat(volume.resolve("postgres/PG_VERSION")).exists();
		assertThat(volume.resolve("postgres.password")).exists();
	}

	@Test
	void shouldKeepTheEmbeddedDatabaseAndItsPasswordOnAVolume() throws IOException {
		List<String> workdirs = instructions("WORKDIR");
		Path workdir = Path.of(workdirs.get(workdirs.size() - 1));
		EmbeddedPostgresProperties settings = new Binder(ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource("image-systemEnvironment", imageEnvironment())))
			.bindOrCreate("checkpoint.embedded-postgres", EmbeddedPostgresProperties.class);
		Path data = workdir.resolve(settings.dataDirectory()).normalize();
		Path password = EmbeddedPostgresPassword.fileFor(data);
		List<Path> volumes = volumes().stream().map(Path::of).toList();
		assertThat(volumes).anySatisfy((volume) -> assertThat(data).startsWithRaw(volume).isNotEqualTo(volume))
			.anySatisfy((volume) -> assertThat(password).startsWithRaw(volume));
	}

	/**
	 * Compose mounts a named volume on each of the image's volumes, so that nothing the
	 * server writes there (the spool, the admin setup token) lands in an anonymous volume
	 * that {@code docker compose down} leaves behind unnamed and a new container does not
	 * see.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void shouldMountANamedComposeVolumeOnEveryVolumeOfTheImage() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		List<String> mounts = (List<String>) ((Map<String, Object>) services.get("checkpoint")).get("volumes");
		Map<String, Object> named = (Map<String, Object>) compose.get("volumes");
		List<String> volumes = volumes();
		assertThat(volumes).isNotEmpty();
		for (String volume : volumes) {
			assertThat(mounts).as("mounts of the checkpoint service").anySatisfy((mount) -> {
				String[] parts = mount.split(":");
				assertThat(parts[1]).isEqualTo(volume);
				assertThat(named).containsKey(parts[0]);
			});
		}
	}

	/** The runtime stage's ENV variables, as a container without {@code -e} sees them. */
	private static Map<String, Object> imageEnvironment() throws IOException {
		Map<String, Object> environment = new LinkedHashMap<>();
		for (String assignments : instructions("ENV")) {
			Matcher pair = ENV_PAIR.matcher(assignments);
			while (pair.find()) {
				environment.put(pair.group(1), pair.group(2).replace("\"", ""));
			}
		}
		assertThat(environment).containsKey("CHECKPOINT_EMBEDDEDPOSTGRES_ENABLED");
		return environment;
	}

	/** The paths of the last stage's {@code VOLUME} instructions. */
	private static List<String> volumes() throws IOException {
		return instructions("VOLUME").stream()
			.flatMap((volume) -> Pattern.compile("[\\s\\[\\],\"]+").splitAsStream(volume))
			.filter((volume) -> !volume.isEmpty())
			.toList();
	}

	/** The arguments of one kind of instruction in the Dockerfile's last stage. */
	private static List<String> instructions(String keyword) throws IOException {
		List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
		List<String> found = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("FROM ")) {
				found.clear();
			}
			else if (line.startsWith(keyword + " ")) {
				found.add(line.substring(keyword.length() + 1).strip());
			}
		}
		return found;
	}

	/**
	 * Variables of the container's environment, as Spring reads them from the process's.
	 */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> withEnvironment(
			Map<String, Object> variables) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("image-systemEnvironment", variables));
	}

	/**
	 * No {@code @Configuration}: the application's component scan in other tests skips
	 * it.
	 */
	@ImportAutoConfiguration({ EmbeddedPostgresAutoConfiguration.class, DataSourceAutoConfiguration.class,
			JdbcTemplateAutoConfiguration.class })
	static class DatabaseOnly {

	}

}
