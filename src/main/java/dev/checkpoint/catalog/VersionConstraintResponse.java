package dev.checkpoint.catalog;

import java.util.List;

/**
 * A version constraint as the admin API shows it; "" and [] mean no constraint.
 */
record VersionConstraintResponse(String service, String product, String minimum, String maximum,
		List<String> excluding) {

	static VersionConstraintResponse of(VersionConstraint constraint) {
		return new VersionConstraintResponse(constraint.getService(), constraint.getProduct(), constraint.getMinimum(),
				constraint.getMaximum(), constraint.getExcluding());
	}

}
