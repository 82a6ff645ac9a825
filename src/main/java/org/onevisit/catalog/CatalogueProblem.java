package org.onevisit.catalog;

import java.io.Serializable;

/**
 * One thing wrong in a catalogue file, where it is (file, line, field) and what is wrong.
 */
public record CatalogueProblem(String file, int line, String field, String message) implements Serializable {

	@Override
	public String toString() {
		return this.file + ":" + this.line + ": " + this.field + ": " + this.message;
	}

}
