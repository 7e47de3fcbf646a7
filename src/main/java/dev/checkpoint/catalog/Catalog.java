package dev.checkpoint.catalog;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The catalogue's public facade: what to answer a client, from memory. The snapshot is
 * loaded at start-up and refreshed on a short interval; when the database is unreachable
 * the last snapshot keeps answering.
 */
@Service
public class Catalog implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private final CatalogLoader loader;

	private volatile CatalogSnapshot snapshot = CatalogSnapshot.EMPTY;

	Catalog(CatalogLoader loader) {
		this.loader = loader;
	}

	/**
	 * The answer for a client of {@code product} at {@code version} on
	 * {@code os}/{@code arch}; empty when the product is not in the catalogue.
	 */
	public Optional<CheckAnswer> answer(String product, String version, String os, String arch) {
		return this.snapshot.answer(product, version, os, arch);
	}

	public boolean knows(String product) {
		return this.snapshot.products().containsKey(product);
	}

	public VersionConstraintsView constraints(String service, String product) {
		return this.snapshot.constraints(service, product);
	}

	/** Reloads the catalogue now, keeping the last snapshot when the database fails. */
	public void refresh() {
		try {
			this.snapshot = this.loader.load();
		}
		catch (DataAccessException ex) {
			log.warn("Catalogue refresh failed, still answering from the last snapshot: {}", ex.getMessage());
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.snapshot = this.loader.load();
	}

}
