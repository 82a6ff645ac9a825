package org.onevisit.exchange;

import java.util.Set;

/**
 * Who may read what for which item, derived from the published catalogue: an item's
 * department may read the elements its materials and its (or its bundles') pre-filled
 * fields name, and nothing else.
 */
public interface AccessRules {

	boolean allows(String consumer, String element, String item);

	Set<AccessRule> rules();

}
