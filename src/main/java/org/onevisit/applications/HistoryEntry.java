package org.onevisit.applications;

import java.time.Instant;

/**
 * One transition: who, when, what it was before and after, and why. The task is null for
 * transitions of the whole application. History is only ever appended.
 */
public record HistoryEntry(Instant at, String actor, TaskId task, String from, String to, String reason) {

}
