package org.onevisit.catalog;

import java.util.List;

/**
 * A material of a bundle's one set: asked once although {@code itemCodes} all need it.
 */
public record BundleMaterial(Material material, List<String> itemCodes) {

	public BundleMaterial {
		itemCodes = List.copyOf(itemCodes);
	}

}
