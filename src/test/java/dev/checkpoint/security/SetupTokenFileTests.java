package dev.checkpoint.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SetupTokenFileTests {

	@TempDir
	Path directory;

	@Test
	void shouldReplaceAnOlderFileByAnOwnerOnlyOne() throws Exception {
		Path path = this.directory.resolve("admin-setup-token");
		Files.writeString(path, "older");
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
		SetupTokenFile file = new SetupTokenFile(path);
		file.write("cpt_new");
		assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(file.read()).contains("cpt_new");
		assertThat(file.delete()).isTrue();
		assertThat(file.read()).isEmpty();
		assertThat(file.delete()).isFalse();
	}

	@Test
	void shouldReplaceALinkAtThePathRatherThanWriteThroughIt() throws Exception {
		Path target = Files.writeString(this.directory.resolve("elsewhere"), "untouched");
		Path path = Files.createSymbolicLink(this.directory.resolve("admin-setup-token"), target);
		new SetupTokenFile(path).write("cpt_new");
		assertThat(Files.isSymbolicLink(path)).isFalse();
		assertThat(Files.readString(path)).isEqualTo("cpt_new\n");
		assertThat(target).hasContent("untouched");
	}

}
