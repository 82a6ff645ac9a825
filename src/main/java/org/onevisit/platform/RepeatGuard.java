package org.onevisit.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transaction that guards itself against running twice, so that the platform may run it
 * again when its commit is lost with its connection instead of answering 503. A commit
 * lost so has an unknown outcome (a planned switchover's shutdown ends the primary's
 * sessions mid-commit, after the commit may have stood); running the work again is safe
 * only when the work itself finds what the lost commit did: a filing's
 * {@code Idempotency-Key}, stored in the filing's own transaction, finds the filing if
 * the commit stood and files it once if not; a decision that names the task version it
 * saw is refused as {@code task_changed} if the commit stood, and is taken if not.
 * <p>
 * Both halves are needed: the method that begins the transaction carries
 * {@link Declared}, and calls {@link #holds()} once it knows its guard is there for this
 * call (a filing without a key has none). A guarded method called inside someone else's
 * transaction guards only its own part, so the outer transaction is not run again.
 */
public final class RepeatGuard {

	private static final ThreadLocal<Boolean> HELD = new ThreadLocal<>();

	private RepeatGuard() {
	}

	/** The guard of the current transaction holds for this call. */
	public static void holds() {
		HELD.set(Boolean.TRUE);
	}

	/**
	 * For the platform's retry: whether the work of the attempt that just ended said its
	 * guard holds; forgets it, so that the next attempt says it again.
	 */
	public static boolean heldAndForgotten() {
		boolean held = Boolean.TRUE.equals(HELD.get());
		HELD.remove();
		return held;
	}

	/**
	 * On a method whose transaction may say that its guard holds: only then is its lost
	 * commit run again.
	 */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	public @interface Declared {

	}

}
