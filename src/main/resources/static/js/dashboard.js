// Draws the dashboard's charts from its JSON (the same figures as the numbers above them).
// The page's policy allows no inline script, so the charts are set up here.
(function () {
	const holder = document.querySelector('.charts[data-source]');
	if (!holder || typeof echarts === 'undefined') {
		return;
	}
	// the words of the charts, from the page's message bundle: legends and hall names
	const word = (name) => holder.querySelector('[data-word="' + name + '"]').textContent;
	const hallName = (code) => {
		const named = holder.querySelector('[data-hall="' + code + '"]');
		return named ? named.textContent : code;
	};
	const chart = (name) => echarts.init(holder.querySelector('[data-chart="' + name + '"]'));
	fetch(holder.dataset.source, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
		.then((response) => response.json())
		.then((view) => {
			const days = Object.keys(view.trend);
			chart('trend').setOption({
				tooltip: { trigger: 'axis' },
				xAxis: { type: 'category', data: days },
				yAxis: { type: 'value' },
				series: [{ type: 'line', data: days.map((d) => view.trend[d]), areaStyle: {} }]
			});
			chart('visits').setOption({
				tooltip: {},
				xAxis: { type: 'category', data: ['0', '1', '2+'] },
				yAxis: { type: 'value' },
				series: [{ type: 'bar', data: [view.visits.zero, view.visits.one, view.visits.more] }]
			});
			const departments = view.byDepartment;
			chart('departments').setOption({
				tooltip: { trigger: 'axis' },
				legend: {},
				xAxis: { type: 'category', data: departments.map((d) => d.name), axisLabel: { rotate: 30 } },
				yAxis: { type: 'value' },
				series: [
					{ name: word('average'), type: 'bar', data: departments.map((d) => d.averageHours) },
					{ name: word('p90'), type: 'bar', data: departments.map((d) => d.p90HoursAtMost) }
				]
			});
			const halls = Object.keys(view.demandByHallAndHour);
			const cells = [];
			let most = 1;
			halls.forEach((hall, y) => view.demandByHallAndHour[hall].forEach((count, hour) => {
				cells.push([hour, y, count]);
				most = Math.max(most, count);
			}));
			chart('demand').setOption({
				tooltip: {},
				xAxis: { type: 'category', data: [...Array(24).keys()].map((h) => h + ':00') },
				yAxis: { type: 'category', data: halls.map(hallName) },
				visualMap: { min: 0, max: most, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
				series: [{ type: 'heatmap', data: cells }]
			});
		});
})();
