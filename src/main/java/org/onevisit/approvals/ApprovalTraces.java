package org.onevisit.approvals;

import java.util.List;

import org.onevisit.applications.Actor;
import org.onevisit.applications.ApplicationId;

/** The traces of instant approval, for whoever may see the application. */
public interface ApprovalTraces {

	List<ApprovalTrace> of(ApplicationId application, Actor by);

}
