package dev.checkpoint.shared;

import java.util.Locale;

/**
 * Normalises the os and arch names that clients send ({@code x64} is {@code amd64},
 * {@code win32} is {@code windows}) for matching and reporting. Raw values are stored.
 */
public final class Platforms {

	private Platforms() {
	}

	public static String os(String os) {
		String value = os.trim().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "win32", "win", "win64", "windows_nt" -> "windows";
			case "macos", "mac", "osx" -> "darwin";
			default -> value;
		};
	}

	public static String arch(String arch) {
		String value = arch.trim().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "x64", "x86_64", "x86-64" -> "amd64";
			case "ia32", "x86", "i386", "i686" -> "386";
			case "aarch64", "armv8" -> "arm64";
			default -> value;
		};
	}

}
