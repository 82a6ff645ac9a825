package org.onevisit.exchange.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.onevisit.catalog.ApprovalRule;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.FormField;
import org.onevisit.catalog.LicenceType;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.RegistryChange;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.exchange.AccessRule;
import org.onevisit.exchange.AccessRules;
import org.onevisit.exchange.RegistryUpdate;

import org.springframework.stereotype.Component;

/**
 * Access rules as the published catalogue implies them: what an item's materials,
 * pre-filled fields, instant-approval rules, conditions of eligibility and licence name,
 * its department may read for it. Recomputed when the catalogue publishes something new.
 * Besides these, the standing rules of the data-sharing catalogue: what the platform
 * reads for itself (the registration check).
 */
@Component
class CatalogueAccessRules implements AccessRules {

	private final Catalogue catalogue;

	private final DataElementCatalogue elements;

	private volatile Computed computed = new Computed(null, null, Set.of());

	CatalogueAccessRules(Catalogue catalogue, DataElementCatalogue elements) {
		this.catalogue = catalogue;
		this.elements = elements;
	}

	@Override
	public boolean allows(String consumer, String element, String item) {
		return rules().contains(new AccessRule(consumer, element, item));
	}

	@Override
	public Set<AccessRule> rules() {
		List<ServiceItem> items = this.catalogue.publishedItems();
		List<Bundle> bundles = this.catalogue.publishedBundles();
		Computed known = this.computed;
		// the catalogue answers the same lists until it publishes again
		if (known.items() == items && known.bundles() == bundles) {
			return known.rules();
		}
		Set<AccessRule> rules = new HashSet<>(this.elements.standingRules());
		for (ServiceItem item : items) {
			for (Material material : item.materials()) {
				if (material.dataElement() != null) {
					rules.add(new AccessRule(item.departmentCode(), material.dataElement(), item.code()));
				}
			}
			for (FormField field : item.form().fields()) {
				if (field.prefill() != null) {
					rules.add(new AccessRule(item.departmentCode(), field.prefill().element(), item.code()));
				}
			}
			// what instant approval checks, it reads for the item too
			for (ApprovalRule rule : item.approvalRules()) {
				if (rule.onData()) {
					rules.add(new AccessRule(item.departmentCode(), rule.element(), item.code()));
				}
			}
			// the registry changes its approval writes back, its department may send
			for (RegistryChange change : item.writes()) {
				rules.add(new AccessRule(item.departmentCode(), RegistryUpdate.writeElement(change), item.code()));
			}
			// what its licence reads from registries when it is issued (the spouses'
			// names on a marriage certificate)
			if (item.licenceType() != null) {
				this.catalogue.licenceType(item.licenceType())
					.ifPresent((type) -> type.fields()
						.stream()
						.flatMap((field) -> field.sourcesFor(item).stream())
						.filter((source) -> source.origin() == LicenceType.Source.Origin.REGISTRY)
						.forEach((source) -> rules
							.add(new AccessRule(item.departmentCode(), source.element(), item.code()))));
			}
			// and what its conditions of eligibility check, at filing and before approval
			for (ApprovalRule condition : item.eligibility()) {
				if (condition.onData()) {
					rules.add(new AccessRule(item.departmentCode(), condition.element(), item.code()));
				}
			}
		}
		for (Bundle bundle : bundles) {
			for (BundleField field : bundle.fields()) {
				if (field.prefill() == null) {
					continue;
				}
				// a bundle's field is read for the items it fills
				for (ServiceItem item : this.catalogue.itemsOf(bundle)) {
					if (field.itemFields().containsKey(item.code())) {
						rules.add(new AccessRule(item.departmentCode(), field.prefill().element(), item.code()));
					}
				}
			}
		}
		Set<AccessRule> result = Set.copyOf(rules);
		this.computed = new Computed(items, bundles, result);
		return result;
	}

	private record Computed(List<ServiceItem> items, List<Bundle> bundles, Set<AccessRule> rules) {
	}

}
