package org.onevisit.catalog;

import java.util.List;
import java.util.Map;

import org.onevisit.shared.OneVisitException;

/**
 * A catalogue file, or an edited item, that cannot be used, with every problem found in
 * it. Nothing of it was saved.
 */
public final class CatalogueInvalid extends OneVisitException {

	private final List<CatalogueProblem> problems;

	public CatalogueInvalid(List<CatalogueProblem> problems) {
		super("catalogue_invalid", Kind.UNPROCESSABLE,
				problems.size() + " problem(s): " + problems.stream().limit(5).map(Object::toString).toList(),
				problems.size());
		this.problems = List.copyOf(problems);
	}

	public List<CatalogueProblem> problems() {
		return this.problems;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("errors", this.problems);
	}

}
