package dev.checkpoint.privacy;

import java.util.Objects;
import java.util.UUID;

import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.RateLimits;
import dev.checkpoint.shared.Signatures;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/privacy/signatures/{signature}}: erases everything stored under a
 * signature. Public: knowing the signature (it sits in the client's signature file) is
 * the proof of holding it. Always 204, whether or not anything was stored, so the answer
 * tells nobody whether a signature is known. Rate limited per client address.
 */
@RestController
class PrivacyController {

	static final int MAX_SIGNATURE_LENGTH = 128;

	private final RateLimits rateLimits;

	private final SignatureErasureService erasure;

	PrivacyController(RateLimits rateLimits, SignatureErasureService erasure) {
		this.rateLimits = rateLimits;
		this.erasure = erasure;
	}

	@DeleteMapping("/api/privacy/signatures/{signature}")
	ResponseEntity<Void> erase(@PathVariable String signature, HttpServletRequest request) {
		return eraseText(signature, request);
	}

	/**
	 * The same with the signature as a query parameter, for texts that cannot be a path
	 * segment (a {@code /}, as in some base64 signatures).
	 */
	@DeleteMapping("/api/privacy/signatures")
	ResponseEntity<Void> eraseByParameter(@RequestParam String signature, HttpServletRequest request) {
		return eraseText(signature, request);
	}

	private ResponseEntity<Void> eraseText(String signature, HttpServletRequest request) {
		this.rateLimits.consume("privacy", request);
		if (signature.isBlank()) {
			throw Problems.invalidField("signature", "must not be blank");
		}
		if (signature.length() > MAX_SIGNATURE_LENGTH) {
			throw Problems.invalidField("signature", "must be at most " + MAX_SIGNATURE_LENGTH + " characters");
		}
		UUID stored = Objects.requireNonNull(Signatures.toUuid(signature));
		this.erasure.erase(stored);
		return ResponseEntity.noContent().build();
	}

}
