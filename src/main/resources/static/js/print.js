// Buttons on printable pages (receipts, one-time notices): the page's policy allows no
// inline script, so the behaviour is attached here.
document.querySelectorAll('[data-print]').forEach((button) =>
	button.addEventListener('click', () => window.print()));
document.querySelectorAll('[data-back]').forEach((button) =>
	button.addEventListener('click', () => history.back()));
