package org.onevisit.messages.internal.web;

import java.util.List;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.messages.Inbox;
import org.onevisit.messages.Message;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** My messages (我的消息). */
@Controller
class MessageController {

	private final Inbox inbox;

	MessageController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/my/messages")
	String messages(@AuthenticationPrincipal OneVisitUser user, Model model) {
		List<Message> messages = user.subject().map(this.inbox::of).orElse(List.of());
		model.addAttribute("messages", messages);
		return "messages/inbox";
	}

}
