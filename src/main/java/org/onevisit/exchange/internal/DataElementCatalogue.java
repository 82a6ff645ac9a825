package org.onevisit.exchange.internal;

import java.time.Period;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onevisit.catalog.RegistryFields;
import org.onevisit.exchange.AccessRule;
import org.onevisit.exchange.DataCatalogue;
import org.onevisit.exchange.DataElement;
import org.onevisit.exchange.Registry;
import org.onevisit.platform.ShippedYaml;

import org.springframework.stereotype.Component;

/** The data-sharing catalogue, read from {@code exchange/data-elements.yaml}. */
@Component
class DataElementCatalogue implements DataCatalogue, RegistryFields {

	private final Map<String, Registry> registries = new LinkedHashMap<>();

	private final Map<String, DataElement> elements = new LinkedHashMap<>();

	private final Set<AccessRule> standing = new HashSet<>();

	private final Map<String, Set<String>> fields = new LinkedHashMap<>();

	DataElementCatalogue() {
		this("exchange/data-elements.yaml");
	}

	@SuppressWarnings("unchecked")
	DataElementCatalogue(String resource) {
		Map<String, Object> document = ShippedYaml.read(resource);
		for (Map<String, Object> registry : (List<Map<String, Object>>) document.get("registries")) {
			String code = (String) registry.get("code");
			this.registries.put(code,
					new Registry(code, (String) registry.get("name"), (String) registry.get("department")));
		}
		for (Map<String, Object> element : (List<Map<String, Object>>) document.get("elements")) {
			String code = (String) element.get("code");
			String registry = (String) element.get("registry");
			if (!this.registries.containsKey(registry)) {
				throw new IllegalStateException(resource + ": element " + code + " names unknown registry " + registry);
			}
			this.fields.put(code, Set.copyOf((List<String>) element.getOrDefault("fields", List.of())));
			Object staleAfter = element.get("staleAfter");
			this.elements.put(code,
					new DataElement(code, registry, (String) element.get("name"),
							DataElement.SubjectKind.valueOf(((String) element.get("subject")).toUpperCase(Locale.ROOT)),
							(staleAfter != null) ? Period.parse((String) staleAfter) : null));
		}
		for (Map<String, Object> rule : (List<Map<String, Object>>) document.getOrDefault("standing", List.of())) {
			this.standing.add(new AccessRule((String) rule.get("consumer"), (String) rule.get("element"),
					(String) rule.get("purpose")));
		}
	}

	/** Reads the platform makes for itself, outside any item. */
	Set<AccessRule> standingRules() {
		return Set.copyOf(this.standing);
	}

	@Override
	public List<Registry> registries() {
		return List.copyOf(this.registries.values());
	}

	@Override
	public Optional<Registry> registry(String code) {
		return Optional.ofNullable(this.registries.get(code));
	}

	@Override
	public List<DataElement> elements() {
		return List.copyOf(this.elements.values());
	}

	@Override
	public Optional<DataElement> element(String code) {
		return Optional.ofNullable(this.elements.get(code));
	}

	@Override
	public Optional<Set<String>> fieldsOf(String element) {
		return Optional.ofNullable(this.fields.get(element));
	}

	String registryName(String registry) {
		return registry(registry).map(Registry::name).orElse(registry);
	}

}
