package dev.checkpoint.catalog;

/**
 * A product as clients see it: what {@link Catalog} answers other modules, read from the
 * catalogue snapshot. The admin API's {@code ProductResponse} adds the product's
 * timestamps.
 *
 * @param name the product name used in client routes
 * @param packageName the npm package (or other package) name, "" if none
 * @param website the project website, "" if none
 * @param installCommand the install command template with {package} and {tag}, "" if none
 * @param publicPage whether an admin published its aggregate usage at
 * {@code /public/{name}}
 */
public record ProductView(String name, String packageName, String website, String installCommand, boolean publicPage) {

	/** The install command for the given release tag, "" when the product has none. */
	public String installCommandFor(String tag) {
		return this.installCommand.replace("{package}", this.packageName).replace("{tag}", tag);
	}

}
