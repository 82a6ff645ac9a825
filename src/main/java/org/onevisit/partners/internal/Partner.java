package org.onevisit.partners.internal;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A registered client as administrators and citizens see it. */
public record Partner(String clientId, String name, PartnerKind kind, boolean suspended, Instant registeredAt,
		String registeredBy, Instant secretRotatedAt, Set<String> scopes, Set<String> redirectUris) {

	/** The item groups (departments) it may file in, from its {@code file:} scopes. */
	public Set<String> itemGroups() {
		return Stream.of(this.scopes.toArray(String[]::new))
			.filter((scope) -> scope.startsWith(PartnerClients.FILE_SCOPE))
			.map((scope) -> scope.substring(PartnerClients.FILE_SCOPE.length()))
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
