package org.onevisit.applications;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ReviewStep;
import org.onevisit.identity.People;
import org.onevisit.platform.Sentence;
import org.onevisit.platform.Sentences;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A matter's history as people read it ({@code ${@historyLines.of(matter, history)}} on a
 * page): who by name and role, what by the labels of statuses, steps, materials and
 * parties, in the reader's language. The history keeps codes (statuses, a task's
 * {@code STATUS:step}, {@code material <code> <STATE>}, {@code party <ROLE> <STATE>}), so
 * that rows written before stay readable and a label changed later applies to them.
 */
@Component("historyLines")
public class HistoryLines {

	/** One line of the timeline, rendered. */
	public record Line(Instant at, String who, String what, String why) {
	}

	private final People people;

	private final Catalogue catalogue;

	private final Sentences sentences;

	public HistoryLines(People people, Catalogue catalogue, Sentences sentences) {
		this.people = people;
		this.catalogue = catalogue;
		this.sentences = sentences;
	}

	/** The lines of these entries of this matter, in the current request's language. */
	public List<Line> of(Application matter, List<HistoryEntry> entries) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> names = new HashMap<>();
		return entries.stream()
			.map((entry) -> new Line(entry.at(),
					names.computeIfAbsent(String.valueOf(entry.actor()),
							(actor) -> render(this.people.nameOf(entry.actor()), locale)),
					render(what(matter, entry), locale),
					(entry.reason() != null) ? this.sentences.render(entry.reason(), locale) : ""))
			.toList();
	}

	/** What an entry says happened, as a sentence. */
	public Sentence what(Application matter, HistoryEntry entry) {
		String to = (entry.to() != null) ? entry.to() : "";
		if (entry.task() != null) {
			Optional<Task> task = matter.tasks().stream().filter((each) -> each.id().equals(entry.task())).findFirst();
			if (task.isPresent()) {
				return taskState(task.get(), to);
			}
		}
		String[] words = to.split(" ");
		if (words.length == 3 && words[0].equals("material")) {
			String name = matter.materials()
				.stream()
				.filter((material) -> material.code().equals(words[1]))
				.map(MaterialRecord::name)
				.findFirst()
				.orElse(null);
			if (name != null && isConstant(words[2])) {
				return Sentence.of("history.material", name, Sentence.of("review.material." + words[2]));
			}
		}
		if (words.length == 3 && words[0].equals("party") && isConstant(words[1]) && isConstant(words[2])) {
			return Sentence.of("history.party", Sentence.of("catalog.party.role." + words[1]),
					Sentence.of("parties.state." + words[2]));
		}
		if (isStatus(to)) {
			return Sentence.of("history.status", Sentence.of("application.status." + to));
		}
		return Sentence.of("history.other");
	}

	private Sentence taskState(Task task, String to) {
		String[] parts = to.split(":", 2);
		String item = this.catalogue.itemName(task.plan().itemCode());
		if (!isConstant(parts[0])) {
			return Sentence.of("history.other");
		}
		Sentence status = Sentence.of("task.status." + parts[0]);
		if (parts.length == 2) {
			String step = task.plan().workflow().step(parts[1]).map(ReviewStep::displayName).orElse(null);
			if (step != null) {
				return Sentence.of("history.task.step", item, status, step);
			}
		}
		return Sentence.of("history.task", item, status);
	}

	private static boolean isStatus(String to) {
		for (ApplicationStatus status : ApplicationStatus.values()) {
			if (status.name().equals(to)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConstant(String word) {
		return word.matches("[A-Z][A-Z_]*");
	}

	private String render(Sentence sentence, Locale locale) {
		return this.sentences.render(sentence.stored(), locale);
	}

}
