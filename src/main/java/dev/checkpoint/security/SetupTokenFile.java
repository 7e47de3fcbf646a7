package dev.checkpoint.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The file that holds the admin setup token on the instance that made it. It is created
 * readable by the server's user only (0600) from the start, never loosened and then
 * tightened; a missing parent directory is made 0700.
 */
final class SetupTokenFile {

	private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

	private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIRECTORY = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

	private final Path path;

	SetupTokenFile(Path path) {
		this.path = path.toAbsolutePath().normalize();
	}

	Path path() {
		return this.path;
	}

	/** Replaces the file, if any, with one that holds {@code token}. */
	void write(String token) throws IOException {
		Path parent = this.path.getParent();
		if (parent != null && !Files.isDirectory(parent)) {
			Files.createDirectories(parent, OWNER_ONLY_DIRECTORY);
		}
		Files.deleteIfExists(this.path);
		// CREATE_NEW fails on anything at the path, a symbolic link planted there
		// included
		try (SeekableByteChannel channel = Files.newByteChannel(this.path,
				EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY_FILE)) {
			channel.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
		}
	}

	/** The token in the file, when there is one to read. */
	Optional<String> read() {
		try {
			return Optional.of(Files.readString(this.path, StandardCharsets.US_ASCII).strip());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** Deletes the file; answers whether there was one. */
	boolean delete() throws IOException {
		return Files.deleteIfExists(this.path);
	}

}
