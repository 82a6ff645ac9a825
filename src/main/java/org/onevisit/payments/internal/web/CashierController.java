package org.onevisit.payments.internal.web;

import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.payments.Payment;
import org.onevisit.payments.internal.SimulatedCheckout;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The simulated provider's cashier page (模拟支付): what a bank's page would show, and the
 * payer's confirmation, after which the provider calls OneVisit back with a signed
 * callback.
 */
@Controller
class CashierController {

	private final SimulatedCheckout checkout;

	CashierController(SimulatedCheckout checkout) {
		this.checkout = checkout;
	}

	@GetMapping("/pay/simulator/{payment}")
	String cashier(@PathVariable UUID payment, Actor actor, Model model) {
		model.addAttribute("payment", this.checkout.order(payment, actor));
		return "payments/cashier";
	}

	@PostMapping("/pay/simulator/{payment}")
	String confirm(@PathVariable UUID payment, Actor actor) {
		Payment paid = this.checkout.pay(payment, actor);
		return "redirect:/my/applications/" + paid.application().value() + "?paid";
	}

}
