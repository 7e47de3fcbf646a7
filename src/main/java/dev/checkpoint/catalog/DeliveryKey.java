package dev.checkpoint.catalog;

import java.util.UUID;

/**
 * One notice sent to one signature, as a compact key: the signature's two halves are kept
 * as fields, not as a {@link UUID} object of their own.
 */
record DeliveryKey(int noticeId, long high, long low) {

	static DeliveryKey of(int noticeId, UUID signature) {
		return new DeliveryKey(noticeId, signature.getMostSignificantBits(), signature.getLeastSignificantBits());
	}

	UUID signature() {
		return new UUID(this.high, this.low);
	}

	boolean isFor(UUID signature) {
		return this.high == signature.getMostSignificantBits() && this.low == signature.getLeastSignificantBits();
	}

}
