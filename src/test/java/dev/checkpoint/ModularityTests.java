package dev.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CheckpointApplication.class);

	@Test
	void shouldKeepModuleBoundaries() {
		this.modules.verify();
	}

	/**
	 * The module map, written down: a new dependency between modules is a decision, made
	 * here on purpose, not by an import.
	 */
	@Test
	void shouldKeepTheModulesAndTheirDependencies() {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		for (ApplicationModule module : this.modules) {
			Set<String> targets = new TreeSet<>();
			module.getDirectDependencies(this.modules)
				.uniqueModules()
				.map(ApplicationModule::getIdentifier)
				.forEach((target) -> targets.add(target.toString()));
			dependencies.put(module.getIdentifier().toString(), targets);
		}
		assertThat(dependencies).isEqualTo(EXPECTED);
	}

	@Test
	void shouldDrawEveryModule(@TempDir Path folder) throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		String all = Files.readString(folder.resolve("components.puml"));
		for (ApplicationModule module : this.modules) {
			assertThat(all).contains(module.getDisplayName());
			assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
		}
	}

	private static final Map<String, Set<String>> EXPECTED = Map.of("audit", Set.of(), "catalog",
			Set.of("audit", "privacy", "shared"), "errorreports", Set.of("audit", "privacy", "shared"), "ingest",
			Set.of("catalog", "privacy", "shared"), "privacy", Set.of("audit", "shared"), "reports",
			Set.of("catalog", "ingest", "privacy", "shared"), "security", Set.of("audit", "shared"), "shared", Set.of(),
			"webhooks", Set.of("audit", "catalog", "errorreports", "reports", "shared"));

}
