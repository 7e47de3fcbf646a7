package dev.checkpoint.errorreports;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SecretRedactorTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~',
			textBlock = """
					Authorization: Bearer abc.def-123                     | Authorization: Bearer [REDACTED]
					authorization=Basic dXNlcjpwYXNz                      | authorization=Basic [REDACTED]
					"Authorization": "token ghx123secret"                 | "Authorization": "token [REDACTED]"
					request failed with bearer xyz987 at login            | request failed with bearer [REDACTED] at login
					GET /api?token=s3cr3t&page=2                          | GET /api?token=[REDACTED]&page=2
					https://x.test/?access_token=abc123&x=1                | https://x.test/?access_token=[REDACTED]&x=1
					api_key=AbC123                                        | api_key=[REDACTED]
					apiKey: 'quoted value with spaces'                    | apiKey: '[REDACTED]'
					x-api-key: k-123                                      | x-api-key: [REDACTED]
					{"password":"hunter2","user":"bob"}                   | {"password":"[REDACTED]","user":"bob"}
					DB_PASSWORD=hunter2 node app.js                       | DB_PASSWORD=[REDACTED] node app.js
					GITHUB_TOKEN=abcdef npx prisma                        | GITHUB_TOKEN=[REDACTED] npx prisma
					client_secret = "s p a c e"                           | client_secret = "[REDACTED]"
					--password=hunter2                                    | --password=[REDACTED]
					pwd=1234                                              | pwd=[REDACTED]
					aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCY  | aws_secret_access_key=[REDACTED]
					using ghp_0123456789abcdefghijABCDEFGHIJ0123 now      | using [REDACTED] now
					github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv | [REDACTED]
					registry //registry.npmjs.org/:_authToken npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 | registry //registry.npmjs.org/:_authToken [REDACTED]
					//registry.npmjs.org/:_authToken=npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 | //registry.npmjs.org/:_authToken=[REDACTED]
					key AKIAIOSFODNN7EXAMPLE used                         | key [REDACTED] used
					jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U ok | jwt [REDACTED] ok
					slack xoxb-1234567890-abcdefghij                      | slack [REDACTED]
					stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc               | stripe [REDACTED]
					checkpoint cpt_AbCdEfGhIjKlMnOpQrStUvWxYz012345       | checkpoint [REDACTED]
					postgresql://user:secret@host:5432/db                 | postgresql://user:[REDACTED]@host:5432/db
					mysql://root:p@ss:w0rd@db.internal/app                | mysql://root:[REDACTED]@db.internal/app
					mongodb+srv://admin:Sup3r$ecret@cluster0.mongodb.net/x | mongodb+srv://admin:[REDACTED]@cluster0.mongodb.net/x
					redis://:only-password@cache:6379                     | redis://:[REDACTED]@cache:6379
					DATABASE_URL="postgres://app:pw@localhost/app"        | DATABASE_URL="postgres://app:[REDACTED]@localhost/app"
					open '/home/alice/project/.env'                       | open '/home/[USER]/project/.env'
					at run (/Users/bob.smith/dev/app/index.js:1:2)        | at run (/Users/[USER]/dev/app/index.js:1:2)
					at run (C:\\Users\\carol\\app\\index.js:1:2)        | at run (C:\\Users\\[USER]\\app\\index.js:1:2)
					at run (c:\\users\\dave\\app\\index.js:1:2)        | at run (c:\\users\\[USER]\\app\\index.js:1:2)
					"path": "C:\\\\Users\\\\erin\\\\AppData"               | "path": "C:\\\\Users\\\\[USER]\\\\AppData"
					at file:///C:/Users/frank/app/index.mjs:3:1           | at file:///C:/Users/[USER]/app/index.mjs:3:1
					file:///home/grace/app/index.mjs                      | file:///home/[USER]/app/index.mjs
					""")
	void shouldRedactSecretWhenTextContainsIt(String text, String expected) {
		assertThat(SecretRedactor.redact(text)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "Cannot read properties of undefined (reading 'id')",
			"Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
			"P1001: Can't reach database server at `localhost:5432`", "ENOENT: no such file or directory",
			"at Object.<anonymous> (/opt/app/index.js:10:15)", "https://prisma.io/docs/reference",
			"error: relation \"users\" does not exist", "see https://pris.ly/d/migrate-resolve for more" })
	void shouldKeepTextWhenItHasNoSecret(String text) {
		assertThat(SecretRedactor.redact(text)).isEqualTo(text);
	}

	@Test
	void shouldRedactPrivateKeyBlockWhenPresent() {
		String text = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK\n-----END RSA PRIVATE KEY-----\ndone";
		assertThat(SecretRedactor.redact(text)).isEqualTo("key:\n[REDACTED]\ndone");
	}

	@Test
	void shouldBeIdempotentWhenRedactedTwice() {
		String once = SecretRedactor
			.redact("Bearer abc token=x postgresql://u:p@h/d /home/alice/x eyJa.eyJb.c ghp_0123456789abcdefghij0");
		assertThat(SecretRedactor.redact(once)).isEqualTo(once);
		assertThat(once).doesNotContain("abc", "alice", "u:p@", "eyJa", "ghp_");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "token=", "Bearer ", "/home/", "://a:", "eyJ", "a.", "'" })
	void shouldStayFastWhenTextIsHostile(String unit) {
		String text = unit.repeat(64 * 1024 / unit.length());
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> SecretRedactor.redact(text));
	}

}
