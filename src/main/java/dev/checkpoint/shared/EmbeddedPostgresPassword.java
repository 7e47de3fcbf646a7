package dev.checkpoint.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The superuser password of the embedded PostgreSQL: 32 random bytes, made at the first
 * start and kept in a file that only the server's user can read (0600, in a 0700
 * directory). PostgreSQL stores it as a SCRAM-SHA-256 verifier.
 */
final class EmbeddedPostgresPassword {

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private EmbeddedPostgresPassword() {
	}

	/** The file beside the data directory that holds its password. */
	static Path fileFor(Path dataDirectory) {
		return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
	}

	/** The password in {@code file}, made first when there is none. */
	static String readOrCreate(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.setPosixFilePermissions(file.getParent(), OWNER_ONLY_DIRECTORY);
		if (!Files.exists(file)) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
				Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
			}
			catch (FileAlreadyExistsException ex) {
				// another process made it first: use theirs
			}
		}
		Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
		String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
		if (password.length() < 32) {
			throw new IllegalStateException("The embedded PostgreSQL password file " + file + " is damaged");
		}
		return password;
	}

}
