package dev.checkpoint.shared;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTests {

	@Test
	void shouldKeepUuidShapedSignaturesAsTheyAre() {
		assertThat(Signatures.toUuid("6ba7b810-9dad-41d1-80b4-00c04fd430c8"))
			.isEqualTo(UUID.fromString("6ba7b810-9dad-41d1-80b4-00c04fd430c8"));
		assertThat(Signatures.toUuid("0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D"))
			.isEqualTo(UUID.fromString("0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"));
	}

	@Test
	void shouldDeriveStableUuidFromOtherText() {
		UUID first = Signatures.toUuid("q83vEjRWeJA=");
		assertThat(first).isNotNull().isEqualTo(Signatures.toUuid("q83vEjRWeJA="));
		assertThat(first).isNotEqualTo(Signatures.toUuid("q83vEjRWeJB="));
		assertThat(Signatures.toUuid("1-2-3-4-5")).isNotEqualTo(UUID.fromString("1-2-3-4-5"));
	}

	@Test
	void shouldTreatEmptySignatureAsNone() {
		assertThat(Signatures.toUuid(null)).isNull();
		assertThat(Signatures.toUuid("")).isNull();
		assertThat(Signatures.toUuid("   ")).isNull();
	}

}
