package dev.checkpoint.errorreports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintsTests {

	private static final String NODE_TRACE = """
			TypeError: Cannot read properties of undefined (reading 'id')
			    at migrate (/home/%s/project/node_modules/prisma/build/index.js:%d:15)
			    at async Object.run (/home/%s/project/node_modules/prisma/build/index.js:98:%d)
			    at /home/%s/project/node_modules/prisma/build/cli.js:12:3
			    at new Promise (<anonymous>)
			    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
			    at main (/home/%s/project/node_modules/prisma/build/index.js:7:1)""";

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~',
			textBlock = """
					Timed out after 30000 ms                                    | Timed out after <n> ms
					Invalid value 3.14 for field                                | Invalid value <n> for field
					P1001: Can't reach database server at `db:5432`             | P1001: Can't reach database server at <str>
					Unknown argument "emial" in 'user'                          | Unknown argument <str> in <str>
					row 0x7ffe12ab locked by 9f86d081884c7d65                   | row <hex> locked by <hex>
					user 123e4567-e89b-12d3-a456-426614174000 missing           | user <uuid> missing
					schema.prisma:12:5 error                                    | schema.prisma error
					ENOENT /home/alice/app/.env and /Users/bob/x               | ENOENT /home/<user>/app/.env and /Users/<user>/x
					at C:\\Users\\carol\\app                                  | at C:\\Users\\<user>\\app
					version v5 and P2002                                        | version v5 and P2002
					~  spaced   out  ~                                          | spaced out
					""")
	void shouldNormaliseMessageWhenItHasVaryingParts(String message, String expected) {
		assertThat(Fingerprints.normaliseMessage(message)).isEqualTo(expected);
	}

	@Test
	void shouldKeepFunctionAndFileOfTopFiveFramesWhenTraceIsNodeJs() {
		assertThat(Fingerprints.topFrames(NODE_TRACE.formatted("alice", 10, "alice", 1, "alice", "alice")))
			.containsExactly("migrate@index.js", "Object.run@index.js", "<anonymous>@cli.js", "new Promise@<anonymous>",
					"process.processTicksAndRejections@task_queues");
	}

	@Test
	void shouldReadFramesWhenTraceIsJavaPythonOrBrowser() {
		assertThat(Fingerprints.topFrames("""
				java.lang.IllegalStateException: boom
					at com.acme.Tool.run(Tool.java:42)
					at com.acme.Main.main(Main.java:7)
				Traceback (most recent call last):
				  File "/home/alice/tool/main.py", line 10, in <module>
				render@http://localhost:5555/assets/index-3.js:1:2345
				@http://localhost:5555/assets/vendor.js?v=2:9:10""")).containsExactly("com.acme.Tool.run@Tool.java",
				"com.acme.Main.main@Main.java", "<module>@main.py", "render@index-<n>.js", "<anonymous>@vendor.js");
	}

	@Test
	void shouldSkipPanicMachineryAndHashesWhenTraceIsNativeRust() {
		assertThat(Fingerprints.topFrames("""
				thread 'main' panicked at schema-engine/core/src/state.rs:12:5:
				called `Option::unwrap()` on a `None` value
				stack backtrace:
				   0: rust_begin_unwind
				             at /rustc/abc/library/std/src/panicking.rs:665:5
				   1: core::panicking::panic_fmt::h0123456789abcdef
				             at /rustc/abc/library/core/src/panicking.rs:74:14
				   2: schema_core::state::EngineState::new::h0123456789abcdef
				             at schema-engine/core/src/state.rs:12:5
				   3: schema_engine::main::hfedcba9876543210
				             at schema-engine/cli/src/main.rs:40:9"""))
			.containsExactly("schema_core::state::EngineState::new", "schema_engine::main");
	}

	@Test
	void shouldSkipPanicMachineryWhenTraceIsRustInWasm() {
		assertThat(Fingerprints.topFrames(
				"""
						RuntimeError: panicked at prisma-schema-wasm/src/lib.rs:140:5:
						This is the panic triggered by `prisma_fmt::debug_panic()`
						    at prisma_schema_build.wasm.rust_panic (wasm://wasm/prisma_schema_build.wasm-00b09812:wasm-function[3267]:0x1d1cd8)
						    at prisma_schema_build.wasm.std::panicking::rust_panic_with_hook::he5c089ac7305193e (wasm://wasm/x:wasm-function[1245]:0x19b6b2)
						    at prisma_schema_build.wasm.debug_panic (wasm://wasm/prisma_schema_build.wasm-00b09812:wasm-function[2625]:0x1cccef)
						    at Tr.exports.debug_panic (/work/node_modules/prisma/build/index.js:19:14159)"""))
			.extracting((frame) -> frame.substring(0, frame.indexOf('@')))
			.containsExactly("prisma_schema_build.wasm.debug_panic", "Tr.exports.debug_panic");
	}

	@Test
	void shouldShareFingerprintWhenOnlyNumbersLinesAndUsersDiffer() {
		String first = Fingerprints.of("Query timed out after 3000 ms on /home/alice/db.sqlite:3:4",
				NODE_TRACE.formatted("alice", 10, "alice", 1, "alice", "alice"));
		String second = Fingerprints.of("Query timed out after 45000 ms on /home/bob/db.sqlite:9:1",
				NODE_TRACE.formatted("bob", 2211, "bob", 99, "bob", "bob"));
		assertThat(first).isEqualTo(second).hasSize(64).matches("[0-9a-f]{64}");
	}

	@Test
	void shouldDifferWhenTopFrameDiffers() {
		String trace = NODE_TRACE.formatted("alice", 10, "alice", 1, "alice", "alice");
		assertThat(Fingerprints.of("boom", trace))
			.isNotEqualTo(Fingerprints.of("boom", trace.replace("at migrate (", "at generate (")));
	}

	@Test
	void shouldIgnoreFramesBeyondTheFifthWhenFingerprinting() {
		String trace = NODE_TRACE.formatted("alice", 10, "alice", 1, "alice", "alice");
		assertThat(Fingerprints.of("boom", trace))
			.isEqualTo(Fingerprints.of("boom", trace.replace("at main (", "at somethingElse (")));
	}

	@Test
	void shouldDifferWhenMessageWordsDiffer() {
		assertThat(Fingerprints.of("P1001 cannot connect", null))
			.isNotEqualTo(Fingerprints.of("P1002 cannot connect", null));
	}

}
