package dev.checkpoint.errorreports;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreateErrorReportInputTests {

	@Test
	void shouldPutPanicTextFirstWhenRustSaysWhereItPanicked() {
		assertThat(input("""
				RuntimeError: panicked at prisma-schema-wasm/src/lib.rs:140:5:
				This is the panic triggered by `prisma_fmt::debug_panic()`
				    at prisma_schema_build.wasm.rust_panic (wasm://wasm/x:wasm-function[3267]:0x1d1cd8)""", "ignored")
			.message())
			.isEqualTo("This is the panic triggered by `prisma_fmt::debug_panic()`\n"
					+ "RuntimeError: panicked at prisma-schema-wasm/src/lib.rs:140:5:");
	}

	@Test
	void shouldKeepOldPanicLineWhenItCarriesTheText() {
		assertThat(input("""
				thread 'main' panicked at 'Could not open datamodel file', src/libcore/result.rs:1188:5
				stack backtrace:
				   0: backtrace::backtrace::trace""", null).message())
			.isEqualTo("thread 'main' panicked at 'Could not open datamodel file', src/libcore/result.rs:1188:5");
	}

	@Test
	void shouldUseJavaScriptTraceWhenThereIsNoRustTrace() {
		assertThat(input(" ", "Error: Schema engine exited.\n    at main (/home/alice/index.js:1:1)").message())
			.isEqualTo("Error: Schema engine exited.");
		assertThat(input(null, null).message()).isEqualTo(CreateErrorReportInput.NO_MESSAGE);
	}

	@Test
	void shouldReadOsAndArchAndKeepSchemaAsAttachment() {
		CrashReport crash = new CreateErrorReportInput("FMT_CLI", "RUST_PANIC", "5.22.0", null, "format", null, "panic",
				"arm64 darwin 23.1.0", "darwin-arm64", null, "model A {\u0000}", "sig", null, null)
			.toCrashReport("prisma");
		assertThat(crash.os()).isEqualTo("darwin");
		assertThat(crash.arch()).isEqualTo("arm64");
		assertThat(crash.consent()).isEqualTo(Consent.PROMPT);
		assertThat(crash.attachments()).containsExactly(new Attachment("schema.prisma", "model A {}", 11));
	}

	private static CreateErrorReportInput input(@Nullable String rust, @Nullable String js) {
		return new CreateErrorReportInput("FMT_CLI", "RUST_PANIC", "5.22.0", null, null, js, rust, null, null, null,
				null, null, null, null);
	}

}
