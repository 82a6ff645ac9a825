-- The three outbox listeners now have explicit ids instead of Spring's default (the method's
-- qualified name and parameter types). Publications not yet handled move to the new ids so that
-- they are still retried after the upgrade.
update event_publication set listener_id = 'licences.LicenceIssuance'
where listener_id = 'org.onevisit.licences.internal.LicenceIssuance.on(org.onevisit.applications.ApplicationEvents$ApplicationApproved)';
update event_publication set listener_id = 'exchange.EvidenceCollection'
where listener_id = 'org.onevisit.exchange.internal.EvidenceCollection.on(org.onevisit.applications.ApplicationEvents$ApplicationSubmitted)';
update event_publication set listener_id = 'approvals.InstantApproval'
where listener_id = 'org.onevisit.approvals.internal.InstantApproval.on(org.onevisit.applications.ApplicationEvents$ApplicationSubmitted)';
