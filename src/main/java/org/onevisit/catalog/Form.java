package org.onevisit.catalog;

import java.util.List;
import java.util.Optional;

/** An item's application form: its fields in the order they are asked. */
public record Form(List<FormField> fields) {

	public static final Form EMPTY = new Form(List.of());

	public Form {
		fields = (fields != null) ? List.copyOf(fields) : List.of();
	}

	public Optional<FormField> field(String name) {
		return this.fields.stream().filter((field) -> field.name().equals(name)).findFirst();
	}

}
