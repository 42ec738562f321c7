/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 *
 * Optional enhancement of the proposal page: a vote or an "utile" mark is
 * sent without leaving the page. The form is posted exactly as without
 * JavaScript (same fields, CSRF token included); the page the server
 * redirects to is fetched, and its votes section (or the argument) replaces
 * ours. Anything unexpected falls back to the normal form submission.
 */
(function () {
	"use strict";
	if (!window.fetch || !window.DOMParser || !window.FormData)
		return;

	function target(form) {
		if (form.closest("#votes"))
			return document.getElementById("votes");
		if (/\/utile$/.test(form.getAttribute("action") || ""))
			return form.closest("li.argument");
		return null;
	}

	document.addEventListener("submit", function (e) {
		var form = e.target, old = target(form), data, btn = e.submitter;

		if (!old || form.dataset.sending)
			return;
		e.preventDefault();
		data = new FormData(form);
		if (btn && btn.name)
			data.append(btn.name, btn.value);
		form.dataset.sending = "1";
		fetch(form.action, { method: "POST", body: data,
		    credentials: "same-origin" }).then(function (r) {
			if (!r.ok)
				throw new Error(String(r.status));
			return r.text();
		}).then(function (html) {
			var doc = new DOMParser().parseFromString(html, "text/html");
			var fresh = old.id ? doc.getElementById(old.id) : null;
			var note = doc.querySelector("main > .notice[role=status]");
			var live = document.getElementById("agora-live");

			if (!fresh)
				throw new Error("missing");
			old.replaceWith(document.importNode(fresh, true));
			if (note) {
				if (!live) {
					live = document.createElement("p");
					live.id = "agora-live";
					live.className = "notice";
					live.setAttribute("role", "status");
					document.querySelector("main").prepend(live);
				}
				live.textContent = note.textContent;
			}
		}).catch(function () {
			delete form.dataset.sending;
			form.submit();	/* the server shows the page or error */
		});
	});
})();
