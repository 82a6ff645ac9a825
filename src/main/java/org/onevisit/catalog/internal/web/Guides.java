package org.onevisit.catalog.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.HallNames;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.FieldLimits;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.FormField;
import org.onevisit.catalog.Material;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What guides say about forms and materials, the same for pages and the API: a form as a
 * JSON Schema, and how a material is obtained in words a citizen understands.
 */
@Component
class Guides {

	private final MessageSource messages;

	private final Directory directory;

	private final ObjectProvider<HallNames> halls;

	Guides(MessageSource messages, Directory directory, ObjectProvider<HallNames> halls) {
		this.halls = halls;
		this.messages = messages;
		this.directory = directory;
	}

	/**
	 * How a material is obtained, in the reader's language: uploaded, fetched from a
	 * registry, a licence held, or waived.
	 */
	String howObtained(Material material, Locale locale) {
		return switch (material.source()) {
			case UPLOAD -> this.messages.getMessage("catalog.source.upload", null, locale);
			case SHARED_DATA -> this.messages.getMessage("catalog.source.sharedData",
					new Object[] { registryName(material.dataElement(), locale) }, locale);
			case LICENCE ->
				this.messages.getMessage("catalog.source.licence", new Object[] { material.licenceType() }, locale);
			case WAIVED ->
				this.messages.getMessage("catalog.source.waived", new Object[] { material.waivedReason() }, locale);
		};
	}

	String registryName(String dataElement, Locale locale) {
		String registry = dataElement.substring(0, dataElement.indexOf('.'));
		return this.messages.getMessage("catalog.registry." + registry, null, registry, locale);
	}

	/**
	 * Where an implementation is handled, as its guide says: the region, the department
	 * and the hall, each by name.
	 */
	String whereHandled(ServiceItem item, Locale locale) {
		String region = this.directory.region(item.regionCode()).map(Region::name).orElse(item.regionCode());
		HallNames names = this.halls.getIfAvailable();
		String hall = (item.hallCode() == null) ? null
				: (names != null) ? names.hallName(item.hallCode()).orElse(item.hallCode()) : item.hallCode();
		String department = departmentName(item.departmentCode());
		return (hall != null)
				? this.messages.getMessage("guides.where.hall", new Object[] { region, department, hall }, locale)
				: this.messages.getMessage("guides.where", new Object[] { region, department }, locale);
	}

	String departmentName(String code) {
		return this.directory.departmentName(code);
	}

	Map<String, String> departmentNames() {
		return this.directory.departmentNames();
	}

	static Map<String, Object> schema(List<FormField> fields) {
		Map<String, Object> properties = new LinkedHashMap<>();
		fields.forEach((field) -> properties.put(field.name(),
				property(field.label(), field.type(), field.pattern(), field.options(), field.limits())));
		return object(properties, fields.stream().filter(FormField::required).map(FormField::name).toList());
	}

	static Map<String, Object> bundleSchema(List<BundleField> fields) {
		Map<String, Object> properties = new LinkedHashMap<>();
		fields.forEach((field) -> {
			Map<String, Object> property = property(field.label(), field.type(), field.pattern(), field.options(),
					field.limits());
			property.put("x-onevisit-maps", field.itemFields());
			properties.put(field.name(), property);
		});
		return object(properties, fields.stream().filter(BundleField::required).map(BundleField::name).toList());
	}

	private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		schema.put("type", "object");
		schema.put("properties", properties);
		schema.put("required", required);
		schema.put("additionalProperties", false);
		return schema;
	}

	private static Map<String, Object> property(String label, FieldType type, String pattern, List<String> options,
			FieldLimits limits) {
		Map<String, Object> property = new LinkedHashMap<>();
		property.put("title", label);
		switch (type) {
			case STRING -> {
				property.put("type", "string");
				property.put("maxLength", limits.textLength());
			}
			case NUMBER -> {
				property.put("type", "number");
				property.put("minimum", limits.lowest());
				property.put("maximum", limits.highest());
			}
			case BOOLEAN -> property.put("type", "boolean");
			case DATE -> {
				property.put("type", "string");
				property.put("format", "date");
			}
			case ENUM -> {
				property.put("type", "string");
				property.put("enum", options);
			}
			case RESIDENT_ID -> {
				property.put("type", "string");
				property.put("format", "resident-id");
				property.put("pattern", "^[0-9]{17}[0-9Xx]$");
			}
			case CREDIT_CODE -> {
				property.put("type", "string");
				property.put("format", "credit-code");
				property.put("pattern", "^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$");
			}
		}
		if (pattern != null) {
			property.put("pattern", pattern);
		}
		return property;
	}

}
