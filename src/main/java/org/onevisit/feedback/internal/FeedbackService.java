package org.onevisit.feedback.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationSummary;
import org.onevisit.feedback.Complaint;
import org.onevisit.feedback.Enquiry;
import org.onevisit.feedback.Feedback;
import org.onevisit.feedback.FeedbackEvents.ComplaintAnswered;
import org.onevisit.feedback.FeedbackEvents.EnquiryAnswered;
import org.onevisit.feedback.FeedbackEvents.RectificationAnswered;
import org.onevisit.feedback.FeedbackRefused;
import org.onevisit.feedback.FeedbackText;
import org.onevisit.feedback.Rating;
import org.onevisit.feedback.Rectification;
import org.onevisit.identity.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FeedbackService implements Feedback {

	private final ApplicationManagement applications;

	private final Ratings ratings;

	private final Rectifications rectifications;

	private final Complaints complaints;

	private final Enquiries enquiries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FeedbackService(ApplicationManagement applications, Ratings ratings, Rectifications rectifications,
			Complaints complaints, Enquiries enquiries, ApplicationEventPublisher events, Clock clock) {
		this.applications = applications;
		this.ratings = ratings;
		this.rectifications = rectifications;
		this.complaints = complaints;
		this.enquiries = enquiries;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Rating rate(ApplicationId id, int stars, String comment, Actor by) {
		ApplicationSummary application = this.applications.summary(id, by);
		if (by.kind() != Actor.Kind.APPLICANT) {
			throw FeedbackRefused.notFound();
		}
		if (!application.status().finished()) {
			throw FeedbackRefused.notFinished();
		}
		Instant now = this.clock.instant();
		Rating rating = Rating.give(id, application.trackingNumber(), by.username(), stars, comment, now);
		this.ratings.add(rating, application.itemCodes().toArray(String[]::new));
		if (rating.bad()) {
			application.items()
				.stream()
				.map(ApplicationSummary.Item::departmentCode)
				.distinct()
				.forEach((department) -> this.rectifications.open(id, department, now));
		}
		return ratingOf(id, by).orElseThrow();
	}

	@Override
	public Optional<Rating> ratingOf(ApplicationId id, Actor by) {
		this.applications.summary(id, by);
		return this.ratings.of(id, this.rectifications.ofApplication(id));
	}

	@Override
	public Satisfaction satisfaction(Set<String> itemCodes, LocalDate from, LocalDate to) {
		return this.ratings.satisfaction(itemCodes, from, to, this.clock.getZone());
	}

	@Override
	public List<Rectification> rectificationsOf(String departmentCode) {
		return this.rectifications.ofDepartment(departmentCode);
	}

	@Override
	public List<Rectification> rectifications() {
		return this.rectifications.all();
	}

	@Override
	@Transactional
	public Rectification answerRectification(UUID id, String answer, Actor reviewer) {
		// an empty answer is refused as empty before anything is looked up
		String text = FeedbackText.required(answer);
		Rectification answered = this.rectifications.lock(id)
			.filter((found) -> reviewer.department().filter(found.departmentCode()::equals).isPresent())
			.orElseThrow(FeedbackRefused::notFound)
			.answer(text, reviewer.username(), this.clock.instant());
		this.rectifications.saveAnswer(answered);
		this.events.publishEvent(new RectificationAnswered(id, answered.application(), answered.trackingNumber(),
				this.applications.summary(answered.application(), Actor.system()).subject(), this.clock.instant()));
		return answered;
	}

	@Override
	@Transactional
	public Complaint complain(String about, String text, Person by) {
		Complaint complaint = Complaint.file(about, text, by.username(), by.name(), this.clock);
		this.complaints.add(complaint, by.subject());
		return complaint;
	}

	@Override
	public List<Complaint> complaintsOf(String complainant) {
		return this.complaints.of(complainant);
	}

	@Override
	public List<Complaint> complaints() {
		return this.complaints.all();
	}

	@Override
	@Transactional
	public Complaint answerComplaint(UUID id, String answer, String by) {
		// an empty answer is refused as empty before anything is looked up
		String text = FeedbackText.required(answer);
		Complaint answered = this.complaints.lock(id)
			.orElseThrow(FeedbackRefused::notFound)
			.answer(text, by, this.clock.instant());
		this.complaints.saveAnswer(answered);
		this.events.publishEvent(new ComplaintAnswered(id, answered.reference(), this.complaints.complainantOf(id),
				this.clock.instant()));
		return answered;
	}

	@Override
	@Transactional
	public Enquiry ask(String question, Person by) {
		Enquiry enquiry = Enquiry.ask(question, by.username(), by.name(), this.clock.instant());
		this.enquiries.add(enquiry, by.subject());
		return enquiry;
	}

	@Override
	public List<Enquiry> enquiriesOf(String asker) {
		return this.enquiries.of(asker);
	}

	@Override
	public List<Enquiry> enquiriesFor(String clerk) {
		return this.enquiries.openTo(clerk);
	}

	@Override
	@Transactional
	public Enquiry answerEnquiry(UUID id, String text, String clerk) {
		Enquiry.Answer answer = new Enquiry.Answer(clerk, FeedbackText.required(text), this.clock.instant());
		// whoever answers first becomes responsible
		this.enquiries.makeResponsibleUnlessSomeoneIs(id, clerk, answer.at());
		Enquiry enquiry = this.enquiries.find(id).orElseThrow(FeedbackRefused::notFound);
		this.enquiries.addAnswer(id, answer);
		this.events.publishEvent(new EnquiryAnswered(id, enquiry.question(), this.enquiries.askerOf(id), answer.at()));
		return this.enquiries.find(id).orElseThrow();
	}

}
