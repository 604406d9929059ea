// The executors dashboard. Everything it shows comes from the executors endpoint, called
// with the browser's own credentials, so the endpoint's rules hold for the page too.
"use strict";

(function (executorCharts) {
	const REFRESH_MILLIS = 2000;
	const PAGE_SIZE = 50;
	const MASKED = "******";
	const ACTIVE_STATES = ["PENDING", "RUNNING"];

	// resolved against the origin, since a page opened as http://user:secret@host/ has a URL
	// with credentials, from which fetch refuses to build requests
	const endpoint = document.body.dataset.endpoint
		? new URL(document.body.dataset.endpoint, window.location.origin).href : "";
	const cancelled = new Map();
	const view = { executor: "", futures: [], page: 0, canCancel: false, details: null };

	const $ = (id) => document.getElementById(id);

	function element(tag, text, className) {
		const node = document.createElement(tag);
		if (text !== undefined && text !== null) {
			node.textContent = String(text);
		}
		if (className) {
			node.className = className;
		}
		return node;
	}

	function status(text, isError) {
		$("status").textContent = text;
		$("status").className = isError ? "error" : "";
	}

	// what became of what the user asked for: it stays until the next request
	function notice(text, isError) {
		$("message").textContent = text;
		$("message").className = isError ? "error" : "";
	}

	// keys may hold "/": the endpoint reads the rest of the path as the key
	function futureUrl(executor, key) {
		return endpoint + "/" + encodeURIComponent(executor) + "/"
			+ key.split("/").map(encodeURIComponent).join("/");
	}

	function csrfHeaders() {
		const cookie = document.cookie.split("; ").find((entry) => entry.startsWith("XSRF-TOKEN="));
		return cookie ? { "X-XSRF-TOKEN": decodeURIComponent(cookie.substring(11)) } : {};
	}

	async function call(url, method) {
		const response = await fetch(url, {
			method: method || "GET",
			headers: Object.assign({ Accept: "application/json" }, method === "DELETE" ? csrfHeaders() : {}),
			credentials: "same-origin",
			cache: "no-store",
		});
		let body = null;
		try {
			body = await response.json();
		}
		catch (ex) {
			body = null;
		}
		return { status: response.status, ok: response.ok, body: body };
	}

	function refusal(response) {
		if (response.body && response.body.message) {
			return response.body.message;
		}
		if (response.status === 401 || response.status === 403) {
			return "you may not do this (HTTP " + response.status + ")";
		}
		if (response.status === 405) {
			return "the endpoint's access does not allow it (HTTP 405)";
		}
		return "HTTP " + response.status;
	}

	function notExposed() {
		$("not-exposed").hidden = false;
		$("executors").hidden = true;
		$("futures").hidden = true;
		status("");
	}

	// --- executors

	function executorRow(name, executor, samples) {
		const row = element("tr");
		row.dataset.executor = name;
		row.append(element("th", name), element("td", executor.type));
		[executor.maxWorkers, executor.active, executor.queued, executor.completed, executor.failed,
			executor.rejected].forEach((figure) => row.append(element("td", figure, "number")));
		const health = executor.health || { status: "UP" };
		const text = health.status + (health.reason ? " (" + health.reason + ")" : "");
		row.append(element("td", text, "health-" + health.status));
		const cell = element("td");
		cell.append(executorCharts.draw(name, samples));
		row.append(cell);
		return row;
	}

	function showExecutors(executors) {
		const now = Date.now();
		const rows = Object.entries(executors).map(([name, executor]) =>
			executorRow(name, executor, executorCharts.record(name, executor, now)));
		$("executor-rows").replaceChildren(...rows);
		const select = $("executor");
		const names = Object.keys(executors);
		if (select.options.length !== names.length) {
			select.replaceChildren(...names.map((name) => element("option", name)));
			view.executor = names.includes(view.executor) ? view.executor : names[0] || "";
			select.value = view.executor;
		}
	}

	// --- stored futures

	function duration(iso) {
		if (!iso) {
			return "";
		}
		const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
		if (!match) {
			return iso;
		}
		const seconds = (+match[1] || 0) * 3600 + (+match[2] || 0) * 60 + (+match[3] || 0);
		return seconds < 1 ? Math.round(seconds * 1000) + " ms" : seconds.toFixed(1) + " s";
	}

	function time(iso) {
		return iso ? new Date(iso).toLocaleTimeString() : "";
	}

	function visibleFutures() {
		const state = $("state").value;
		const search = $("search").value.trim().toLowerCase();
		const shown = view.futures.concat([...cancelled.values()].filter((future) =>
			future.executorName === view.executor && !view.futures.some((listed) => listed.key === future.key)));
		return shown
			.filter((future) => !state || future.state === state)
			.filter((future) => !search || (future.key || "").toLowerCase().includes(search))
			.sort((a, b) => (b.submitted || "").localeCompare(a.submitted || ""));
	}

	function futureRow(future) {
		const row = element("tr");
		row.dataset.key = future.key;
		const key = element("button", future.key, "link");
		key.type = "button";
		key.title = "Show this future";
		key.addEventListener("click", () => showDetails(future.key));
		const keyCell = element("td");
		keyCell.append(key);
		row.append(keyCell, element("td", future.state, "state state-" + future.state),
			element("td", time(future.submitted)), element("td", time(future.started)),
			element("td", duration(future.duration)), element("td", future.attempts, "number"));
		const actions = element("td");
		if (view.canCancel && ACTIVE_STATES.includes(future.state)) {
			const cancel = element("button", "Cancel", "danger");
			cancel.type = "button";
			cancel.setAttribute("aria-label", "Cancel " + future.key);
			cancel.addEventListener("click", () => confirmCancel(future.key));
			actions.append(cancel);
		}
		row.append(actions);
		return row;
	}

	// rows are drawn again at every refresh: keep the keyboard focus where it was
	function focusedButton() {
		const active = document.activeElement;
		const row = active && active.closest ? active.closest("#future-rows tr") : null;
		return row ? { key: row.dataset.key, className: active.className } : null;
	}

	function refocus(focused) {
		const row = focused && [...$("future-rows").rows].find((candidate) => candidate.dataset.key === focused.key);
		const button = row && [...row.querySelectorAll("button")].find((b) => b.className === focused.className);
		if (button) {
			button.focus();
		}
	}

	function showFutures() {
		const focused = focusedButton();
		const futures = visibleFutures();
		const pages = Math.max(1, Math.ceil(futures.length / PAGE_SIZE));
		view.page = Math.min(view.page, pages - 1);
		const start = view.page * PAGE_SIZE;
		$("future-rows").replaceChildren(...futures.slice(start, start + PAGE_SIZE).map(futureRow));
		$("page").textContent = futures.length === 0 ? "No stored futures"
			: (start + 1) + "–" + Math.min(futures.length, start + PAGE_SIZE) + " of " + futures.length;
		$("previous").disabled = view.page === 0;
		$("next").disabled = view.page >= pages - 1;
		refocus(focused);
	}

	// --- one future

	function field(list, name, value) {
		list.append(element("dt", name), element("dd", value));
	}

	function describeException(label, exception) {
		if (exception.type === MASKED) {
			return [label, "Hidden: show-values does not allow you to see it."];
		}
		return [label, exception.stackTrace || (exception.type + ": " + (exception.message || ""))];
	}

	function outcome(future) {
		if (future.exception) {
			return describeException("Exception", future.exception);
		}
		// a task waiting for its next attempt says why the last one failed
		if (future.lastFailure) {
			return describeException("Last attempt failed", future.lastFailure);
		}
		if (future.result === MASKED) {
			return ["Result", "Hidden: show-values does not allow you to see it."];
		}
		if (future.result !== undefined) {
			return ["Result", JSON.stringify(future.result, null, 2)];
		}
		return ["", ""];
	}

	function renderDetails(future) {
		const list = $("details-fields");
		list.replaceChildren();
		field(list, "Executor", future.executor || future.executorName);
		field(list, "Key", future.key);
		field(list, "State", future.state);
		field(list, "Submitted", future.submitted || "");
		field(list, "Started", future.started || "");
		field(list, "Finished", future.finished || "");
		field(list, "Duration", duration(future.duration));
		field(list, "Attempts", future.attempts);
		const [title, text] = outcome(future);
		$("outcome-title").textContent = title;
		$("outcome").textContent = text;
		$("outcome").hidden = !text;
		$("details").hidden = false;
	}

	async function showDetails(key) {
		const response = await call(futureUrl(view.executor, key));
		if (!response.ok) {
			const kept = cancelled.get(view.executor + "/" + key);
			if (kept) {
				renderDetails(kept);
			}
			else {
				notice("Future '" + key + "' cannot be shown: " + refusal(response), true);
				return;
			}
		}
		else {
			renderDetails(response.body);
		}
		view.details = key;
		$("details").focus();
	}

	// --- cancelling

	function confirmCancel(key) {
		const dialog = $("confirm");
		$("confirm-text").textContent = "Cancel '" + key + "' on " + view.executor
			+ "? A running task is interrupted, and the future is removed.";
		dialog.returnValue = "";
		dialog.onclose = () => {
			if (dialog.returnValue === "cancel") {
				cancel(view.executor, key);
			}
		};
		dialog.showModal();
	}

	async function cancel(executor, key) {
		const response = await call(futureUrl(executor, key), "DELETE");
		if (!response.ok) {
			notice("Future '" + key + "' was not cancelled: " + refusal(response), true);
			return;
		}
		const future = Object.assign({ executorName: executor }, response.body);
		cancelled.set(executor + "/" + key, future);
		view.futures = view.futures.filter((listed) => listed.key !== key);
		notice("Cancelled '" + key + "'.");
		showFutures();
	}

	// whether this user may cancel: a DELETE of a key that no future has is answered 404
	// when both the endpoint's access and the application's security allow cancelling
	async function probeCancel(executor) {
		const response = await call(futureUrl(executor, "executors-dashboard-probe-" + Date.now()), "DELETE");
		view.canCancel = response.status === 404;
		$("cancel-note").textContent = view.canCancel ? "" : "You cannot cancel futures here: " + refusal(response) + ".";
	}

	// --- refreshing

	async function refresh() {
		const response = await call(endpoint);
		if (response.status === 404) {
			notExposed();
			return;
		}
		if (!response.ok) {
			status("The executors endpoint refused to answer: " + refusal(response), true);
			return;
		}
		$("executors").hidden = false;
		$("futures").hidden = false;
		showExecutors(response.body.executors);
		if (view.executor) {
			if (view.probed !== view.executor) {
				view.probed = view.executor;
				await probeCancel(view.executor);
			}
			const details = await call(endpoint + "/" + encodeURIComponent(view.executor));
			view.futures = details.ok ? details.body.futures : [];
			showFutures();
		}
		status("Updated " + new Date().toLocaleTimeString());
	}

	async function loop() {
		try {
			await refresh();
		}
		catch (ex) {
			status("The executors endpoint cannot be reached: " + ex.message, true);
		}
		setTimeout(loop, REFRESH_MILLIS);
	}

	function listen() {
		$("filters").addEventListener("submit", (event) => event.preventDefault());
		$("executor").addEventListener("change", (event) => {
			view.executor = event.target.value;
			view.page = 0;
			refresh();
		});
		$("state").addEventListener("change", () => {
			view.page = 0;
			showFutures();
		});
		$("search").addEventListener("input", () => {
			view.page = 0;
			showFutures();
		});
		$("previous").addEventListener("click", () => {
			view.page -= 1;
			showFutures();
		});
		$("next").addEventListener("click", () => {
			view.page += 1;
			showFutures();
		});
		$("close-details").addEventListener("click", () => {
			$("details").hidden = true;
			view.details = null;
		});
	}

	if (!endpoint) {
		notExposed();
		return;
	}
	listen();
	loop();
})(window.executorCharts);
