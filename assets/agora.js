/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 *
 * Optional enhancement of the proposal page: a vote or an "utile" mark is
 * sent without leaving the page. The form is posted exactly as without
 * JavaScript (same fields, the clicked button's name and value, CSRF token
 * included); the page the server redirects to is fetched, and its votes
 * section (or the argument's mark) replaces ours. Focus stays on the
 * button the person pressed, and the server's confirmation goes to a live
 * region that was in the page before. A refusal the person must read (409:
 * the consultation closed meanwhile; 429: too many) shows the server's own
 * French message there. Anything else (the request failed, an unexpected
 * answer) falls back to the normal submission of exactly what was chosen.
 */
(function () {
	"use strict";
	if (!window.fetch || !window.DOMParser || !window.FormData)
		return;

	/* A live region must exist before it speaks: one per zone, now. */
	function live_region(after, id) {
		var p = document.getElementById(id);

		if (p)
			return p;
		p = document.createElement("p");
		p.id = id;
		p.className = "live notice";
		p.setAttribute("role", "status");
		after.parentNode.insertBefore(p, after.nextSibling);
		return p;
	}

	function useful_form(li) {
		return li.querySelector(":scope > form[action$='/utile']");
	}

	function votes_live() {
		var votes = document.getElementById("votes");

		return votes ? live_region(votes, "votes-annonce") : null;
	}

	function argument_live(li) {
		var form = useful_form(li);

		return form ? live_region(form, li.id + "-annonce") : null;
	}

	/* The zone a form belongs to: what is replaced, where it speaks. */
	function zone(form) {
		var li;

		if (form.closest("#votes"))
			return { kind: "votes", node: document.getElementById("votes"),
			    live: votes_live() };
		li = form.closest("li.argument");
		if (li && /\/utile$/.test(form.getAttribute("action") || ""))
			return { kind: "useful", node: li, live: argument_live(li) };
		return null;
	}

	function say(z, text, refused) {
		z.live.classList.toggle("refused", !!refused);
		z.live.textContent = text;
	}

	/* The button that matches btn in the fresh content, else the first. */
	function same_button(root, btn) {
		var all = root.querySelectorAll("button[type=submit]"), i;

		for (i = 0; btn && i < all.length; i++)
			if (all[i].name === btn.name && all[i].value === btn.value)
				return all[i];
		return all[0] || null;
	}

	/* Puts fresh's content in place of z's; returns what now has focus. */
	function refresh(z, doc, btn) {
		var fresh = doc.getElementById(z.node.id), old, form;

		if (!fresh)
			return null;
		if (z.kind === "votes") {
			/* The section's own nodes; the live region after it stays. */
			z.node.replaceChildren.apply(z.node, Array.prototype.map.call(
			    fresh.childNodes, function (n) {
				return document.importNode(n, true);
			    }));
			return same_button(z.node, btn);
		}
		old = z.node.querySelector(":scope > p.useful");
		form = useful_form(fresh);
		if (!old || !form || !fresh.querySelector(":scope > p.useful"))
			return null;
		old.replaceWith(document.importNode(
		    fresh.querySelector(":scope > p.useful"), true));
		useful_form(z.node).replaceWith(document.importNode(form, true));
		return same_button(useful_form(z.node), null);
	}

	/* Without JavaScript's help: exactly the clicked choice, by the form. */
	function fallback(form, btn) {
		var h;

		delete form.dataset.sending;
		if (btn && btn.name) {
			h = document.createElement("input");
			h.type = "hidden";
			h.name = btn.name;
			h.value = btn.value;
			form.appendChild(h);
		}
		form.submit();	/* the server shows the page or its error */
	}

	/* The French message of the server's error page (layout.c). */
	function server_message(html) {
		var doc = new DOMParser().parseFromString(html, "text/html");
		var p = doc.querySelector("main h1 + p");

		return p ? p.textContent : "";
	}

	function send(form, btn, z) {
		var data = new FormData(form);

		if (btn && btn.name)
			data.append(btn.name, btn.value);
		form.dataset.sending = "1";
		return fetch(form.action, { method: "POST", body: data,
		    credentials: "same-origin" }).then(function (r) {
			return r.text().then(function (html) {
				return { status: r.status, ok: r.ok, html: html };
			});
		}).then(function (a) {
			var doc, note, focus, msg;

			delete form.dataset.sending;
			if (a.status === 409 || a.status === 429) {
				if (!(msg = server_message(a.html)))
					throw new Error("no message");
				say(z, msg, true);
				return;
			}
			if (!a.ok)
				throw new Error(String(a.status));
			doc = new DOMParser().parseFromString(a.html, "text/html");
			note = doc.querySelector("main > .notice[role=status]");
			if (!(focus = refresh(z, doc, btn)))
				throw new Error("missing");
			focus.focus();
			say(z, note ? note.textContent : "Enregistré.", false);
		});
	}

	document.addEventListener("submit", function (e) {
		var form = e.target, z = zone(form), btn = e.submitter;

		if (!z || !z.live || form.dataset.sending)
			return;
		e.preventDefault();
		send(form, btn, z).catch(function () {
			fallback(form, btn);
		});
	});

	/* The live regions, before anything is said in them. */
	votes_live();
	Array.prototype.forEach.call(document.querySelectorAll("li.argument"),
	    argument_live);
})();
