package org.onevisit.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.BundleMaterial;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.FormField;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.Prefill;
import org.onevisit.catalog.ServiceItem;

/**
 * What the exchange needs to know of an item or a bundle: its pre-filled fields and its
 * materials with data elements, each with the item (and so the consuming department) it
 * is read for, and whose data it is.
 */
final class MatterShape {

	/** A field filled from a registry, read for {@code item} of {@code department}. */
	record PrefilledField(String name, Prefill prefill, String item, String department) {
	}

	/**
	 * A material with a data element; {@code of} is the form field (of this matter's
	 * form) with the subject's identifier, null for the applicant.
	 */
	record DataMaterial(Material material, String of, String item, String department) {
	}

	/**
	 * A field of the form with a person's ID number, and the field with their name, if
	 * the form has one: the field filled with that person's name from the population
	 * registry (prefill of: the ID field), or else the field named as the ID field with
	 * Name for Id ({@code buyerId}, {@code buyerName}).
	 */
	record PersonField(String name, String nameField) {
	}

	private final List<PrefilledField> fields;

	private final List<DataMaterial> materials;

	private final List<PersonField> people;

	private MatterShape(List<PrefilledField> fields, List<DataMaterial> materials, List<FormField> form) {
		this.fields = List.copyOf(fields);
		this.materials = List.copyOf(materials);
		this.people = form.stream()
			.filter((field) -> field.type() == FieldType.RESIDENT_ID)
			.map((field) -> new PersonField(field.name(), nameFieldOf(field.name(), form)))
			.toList();
	}

	private static String nameFieldOf(String idField, List<FormField> form) {
		return form.stream()
			.filter((field) -> field.prefill() != null && idField.equals(field.prefill().of())
					&& "population.identity".equals(field.prefill().element())
					&& "name".equals(field.prefill().field()))
			.map(FormField::name)
			.findFirst()
			.or(() -> form.stream()
				.map(FormField::name)
				.filter((name) -> idField.endsWith("Id")
						&& name.equals(idField.substring(0, idField.length() - 2) + "Name"))
				.findFirst())
			.orElse(null);
	}

	static MatterShape of(Catalogue catalogue, String itemCode, String bundleCode) {
		List<PrefilledField> fields = new ArrayList<>();
		List<DataMaterial> materials = new ArrayList<>();
		List<FormField> form;
		if (bundleCode != null) {
			Bundle bundle = catalogue.bundle(bundleCode).content();
			form = bundle.fields().stream().map(BundleField::asField).toList();
			List<ServiceItem> items = catalogue.itemsOf(bundle);
			for (BundleField field : bundle.fields()) {
				if (field.prefill() != null) {
					items.stream()
						.filter((item) -> field.itemFields().containsKey(item.code()))
						.findFirst()
						.ifPresent((item) -> fields.add(
								new PrefilledField(field.name(), field.prefill(), item.code(), item.departmentCode())));
				}
			}
			for (BundleMaterial needed : catalogue.materialsOf(bundle)) {
				if (needed.material().dataElement() == null || needed.itemCodes().isEmpty()) {
					continue;
				}
				// the item's own field named by of, as the bundle's field that fills it
				ServiceItem item = items.stream()
					.filter((candidate) -> candidate.code().equals(needed.itemCodes().get(0)))
					.findFirst()
					.orElseThrow();
				Material own = item.materials()
					.stream()
					.filter((material) -> material.code().equals(needed.material().code()))
					.findFirst()
					.orElse(needed.material());
				String of = null;
				if (own.of() != null) {
					of = bundle.fields()
						.stream()
						.filter((field) -> own.of().equals(field.itemFields().get(item.code())))
						.map(BundleField::name)
						.findFirst()
						.orElse(own.of());
				}
				materials.add(new DataMaterial(own, of, item.code(), item.departmentCode()));
			}
		}
		else {
			ServiceItem item = catalogue.item(itemCode).content();
			form = item.form().fields();
			for (FormField field : item.form().fields()) {
				if (field.prefill() != null) {
					fields.add(new PrefilledField(field.name(), field.prefill(), item.code(), item.departmentCode()));
				}
			}
			for (Material material : item.materials()) {
				if (material.dataElement() != null) {
					materials.add(new DataMaterial(material, material.of(), item.code(), item.departmentCode()));
				}
			}
		}
		return new MatterShape(fields, materials, form);
	}

	List<PrefilledField> fields() {
		return this.fields;
	}

	List<DataMaterial> materials() {
		return this.materials;
	}

	List<PersonField> people() {
		return this.people;
	}

	Optional<DataMaterial> material(String code) {
		return this.materials.stream().filter((m) -> m.material().code().equals(code)).findFirst();
	}

	/** The identifier in the form field, or the applicant's when the field is null. */
	static Optional<String> subject(String of, Map<String, Object> form, String applicant) {
		if (of == null) {
			return Optional.of(applicant);
		}
		Object value = form.get(of);
		return (value != null && !value.toString().isBlank())
				? Optional.of(value.toString().strip().toUpperCase(Locale.ROOT)) : Optional.empty();
	}

}
