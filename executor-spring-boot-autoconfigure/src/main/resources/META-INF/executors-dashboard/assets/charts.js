// The executors dashboard's charts: the figures of each executor as the page read them,
// kept in the page, drawn as two lines on a canvas.
"use strict";

window.executorCharts = (function () {
	const HISTORY_SAMPLES = 150; // five minutes at one sample every two seconds

	const history = new Map();

	function record(name, executor, now) {
		const samples = history.get(name) || [];
		const last = samples[samples.length - 1];
		const seconds = last ? (now - last.time) / 1000 : 0;
		const done = executor.completed;
		const throughput = (last && seconds > 0) ? Math.max(0, done - last.done) / seconds : 0;
		samples.push({ time: now, done: done, throughput: throughput, queued: executor.queued });
		if (samples.length > HISTORY_SAMPLES) {
			samples.shift();
		}
		history.set(name, samples);
		return samples;
	}

	// the first minute is drawn over the whole width, then the chart scrolls
	function line(context, values, max, width, height, color) {
		const step = width / (Math.max(values.length, 30) - 1);
		context.strokeStyle = color;
		context.lineWidth = 1.5;
		context.beginPath();
		values.forEach((value, index) => {
			const x = width - (values.length - 1 - index) * step;
			const y = height - 2 - (value / max) * (height - 4);
			if (index === 0) {
				context.moveTo(x, y);
			}
			else {
				context.lineTo(x, y);
			}
		});
		context.stroke();
	}

	function draw(name, samples) {
		const canvas = document.createElement("canvas");
		canvas.className = "chart";
		const ratio = window.devicePixelRatio || 1;
		const width = window.matchMedia("(max-width: 640px)").matches ? 110 : 160;
		const height = 36;
		canvas.width = width * ratio;
		canvas.height = height * ratio;
		canvas.setAttribute("role", "img");
		const latest = samples[samples.length - 1];
		canvas.setAttribute("aria-label", name + ": " + latest.throughput.toFixed(1) + " tasks per second, "
			+ latest.queued + " queued");
		const context = canvas.getContext("2d");
		context.scale(ratio, ratio);
		context.fillStyle = "#f5f7fa";
		context.fillRect(0, 0, width, height);
		const throughput = samples.map((sample) => sample.throughput);
		const queued = samples.map((sample) => sample.queued);
		line(context, throughput, Math.max(1, ...throughput), width, height, "#2f6fdb");
		line(context, queued, Math.max(1, ...queued), width, height, "#c27c0e");
		return canvas;
	}

	return { record: record, draw: draw };
})();
