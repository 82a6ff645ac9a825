package org.onevisit.applications;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.onevisit.identity.Actor;

/**
 * What a matter owes before its results (fees and taxes), as the payments module knows
 * it: filing opens the fee order, approving a task that assesses taxes adds them, and an
 * approved matter waits while anything is unpaid. Payments implements it (it depends on
 * applications, not the other way); each call runs in the caller's transaction, so that
 * an order is opened or assessed if and only if the filing or the approval is saved.
 */
public interface Dues {

	/**
	 * Opens the order of a matter just filed from the fees its items carry in the
	 * catalogue versions filed; decided in memory, so that a free matter costs no
	 * statement.
	 */
	void openAtFiling(Application filed);

	/**
	 * Called before a task's deciding approval is recorded: if its item assesses taxes,
	 * they are assessed now from the registries and the form and added to the order (as
	 * the reviewer, who is on the registries' ledger). A tax that cannot be assessed
	 * refuses the approval.
	 */
	void assessOnApproval(ApplicationId application, Task task, Actor by);

	/**
	 * What the matter, with every task approved, still owes: empty when it is free or
	 * settled (paid or waived). Decided in memory for items that carry no fee and assess
	 * no tax.
	 */
	Optional<Owed> owed(ApplicationId application, List<ApplicationEvents.ApprovedItem> items);

	/** The amount still owed, and for what (the names of the order's lines). */
	record Owed(BigDecimal amount, List<String> what) {

		public Owed {
			what = List.copyOf(what);
		}

	}

}
