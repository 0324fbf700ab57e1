// The few behaviours that need script, as a file because the CSP refuses inline script.
// Buttons marked data-print print the page.
document.addEventListener('click', function (e) {
  var b = e.target.closest && e.target.closest('[data-print]');
  if (b) { e.preventDefault(); window.print(); }
});
// A form that posts disables its buttons while it is sent, so a second tap cannot save twice.
document.addEventListener('submit', function (e) {
  var form = e.target;
  if (!form || (form.method || '').toLowerCase() !== 'post' || e.defaultPrevented) { return; }
  var buttons = form.querySelectorAll('button[type=submit], button:not([type])');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].disabled = true;
    buttons[i].setAttribute('aria-busy', 'true');
    buttons[i].dataset.label = buttons[i].textContent;
    buttons[i].textContent = 'Đang lưu…';
  }
});
// Coming back to a page from the browser's history gives its buttons back.
window.addEventListener('pageshow', function () {
  var busy = document.querySelectorAll('button[aria-busy=true]');
  for (var i = 0; i < busy.length; i++) {
    busy[i].disabled = false;
    busy[i].removeAttribute('aria-busy');
    if (busy[i].dataset.label) { busy[i].textContent = busy[i].dataset.label; }
  }
});
