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
    buttons[i].textContent = buttons[i].dataset.busy || 'Đang lưu…';
  }
  // A long piece of work (a register read row by row) says so while it runs.
  var line = form.querySelector('[data-progress]');
  if (line) { line.hidden = false; }
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
// Days and times are typed as Vietnamese write them, on a number pad that has no slash or
// colon: "17" becomes "17/", "17/10" becomes "17/10/", "19" becomes "19:".
document.addEventListener('input', function (e) {
  var el = e.target;
  if (!el.classList || e.inputType !== 'insertText') { return; }
  var v = el.value;
  if (el.classList.contains('date')) {
    if (/\/[\/.\-]$/.test(v)) { el.value = v.slice(0, -1); return; } // the slash was already there
    if (/^\d{2}$/.test(v) || /^\d{1,2}\/\d{2}$/.test(v)) { el.value = v + '/'; }
  } else if (el.classList.contains('time')) {
    if (/:[:hH.]$/.test(v)) { el.value = v.slice(0, -1); return; }
    if (/^\d{2}$/.test(v) && Number(v) < 24) { el.value = v + ':'; }
  }
});
// The roll call: a running count of who is present and absent, and a filter by name that
// ignores diacritics ("nguyen van" finds "Nguyễn Văn").
function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
function countRoll() {
  var roll = document.getElementById('roll');
  if (!roll) { return; }
  var rows = roll.querySelectorAll('li.attend');
  var absent = roll.querySelectorAll('li.attend input[value=excused]:checked, li.attend input[value=unexcused]:checked').length;
  var out = document.getElementById('roll-count');
  if (out) {
    out.textContent = 'Có mặt ' + (rows.length - absent) + ' · Vắng ' + absent + ' / ' + rows.length + ' đảng viên';
    out.classList.toggle('has-absent', absent > 0);
  }
  for (var i = 0; i < rows.length; i++) {
    var away = rows[i].querySelector('input[value=excused]:checked, input[value=unexcused]:checked');
    rows[i].classList.toggle('is-absent', !!away);
  }
}
document.addEventListener('change', function (e) {
  if (e.target.closest && e.target.closest('#roll')) { countRoll(); }
});
function filterRoll(e) {
  if (e.target.id !== 'roll-filter') { return; }
  var q = fold(e.target.value.trim());
  var rows = document.querySelectorAll('#roll li.attend');
  var shown = 0;
  for (var i = 0; i < rows.length; i++) {
    var name = rows[i].getAttribute('data-name') || '';
    var hit = q === '' || fold(name).indexOf(q) >= 0;
    rows[i].hidden = !hit;
    if (hit) { shown++; }
  }
  var none = document.getElementById('roll-none');
  if (none) { none.hidden = shown > 0; }
}
document.addEventListener('input', filterRoll);
document.addEventListener('change', filterRoll);
document.addEventListener('search', filterRoll, true);
document.addEventListener('DOMContentLoaded', countRoll);
document.addEventListener('htmx:afterSettle', countRoll);
// Organization pickers: typing asks the server for matching units (in the reader's scope);
// picking one puts its code in the form and its name in the box.
(function () {
  var timers = new WeakMap();
  function parts(el) {
    var box = el.closest('.picker');
    return box && { box: box, search: box.querySelector('.picker-search'),
      value: box.querySelector('input[type=hidden]'), list: box.querySelector('.picker-list') };
  }
  function lookup(p, q, then) {
    var url = p.box.getAttribute('data-picker');
    url += (url.indexOf('?') >= 0 ? '&' : '?') + 'q=' + encodeURIComponent(q);
    fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : ''; }).then(then);
  }
  function show(p, html) {
    p.list.innerHTML = html;
    p.list.hidden = html === '';
    p.search.setAttribute('aria-expanded', html === '' ? 'false' : 'true');
  }
  function choose(p, li) {
    if (!li || !li.hasAttribute('data-value')) { return; }
    p.value.value = li.getAttribute('data-value');
    p.search.value = li.getAttribute('data-label');
    show(p, '');
  }
  document.addEventListener('input', function (e) {
    if (!e.target.classList || !e.target.classList.contains('picker-search')) { return; }
    var p = parts(e.target);
    p.value.value = p.search.value.trim();
    clearTimeout(timers.get(p.box));
    timers.set(p.box, setTimeout(function () { lookup(p, p.search.value.trim(), function (html) { show(p, html); }); }, 200));
  });
  document.addEventListener('mousedown', function (e) {
    var li = e.target.closest && e.target.closest('.picker-list li');
    if (li) { e.preventDefault(); choose(parts(li), li); }
  });
  document.addEventListener('keydown', function (e) {
    if (!e.target.classList || !e.target.classList.contains('picker-search')) { return; }
    var p = parts(e.target);
    var items = p.list.querySelectorAll('li[data-value]');
    if (p.list.hidden || items.length === 0) { return; }
    var at = Array.prototype.indexOf.call(items, p.list.querySelector('li.active'));
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (at >= 0) { items[at].classList.remove('active'); }
      at = e.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
      items[at].classList.add('active');
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(p, items[Math.max(at, 0)]);
    } else if (e.key === 'Escape') {
      show(p, '');
    }
  });
  document.addEventListener('focusout', function (e) {
    if (e.target.classList && e.target.classList.contains('picker-search')) {
      var p = parts(e.target);
      setTimeout(function () { show(p, ''); }, 150);
    }
  });
  // A picker that opens with a code shows that unit's name.
  document.addEventListener('DOMContentLoaded', function () {
    var boxes = document.querySelectorAll('.picker');
    for (var i = 0; i < boxes.length; i++) {
      (function (p) {
        var code = p.value.value;
        if (!code) { return; }
        lookup(p, code, function (html) {
          var tmp = document.createElement('ul');
          tmp.innerHTML = html;
          var items = tmp.querySelectorAll('li[data-value]');
          for (var j = 0; j < items.length; j++) {
            if (items[j].getAttribute('data-value') === code && p.search.value === code) {
              p.search.value = items[j].getAttribute('data-label');
            }
          }
        });
      })(parts(boxes[i]));
    }
  });
})();
// A message the page opens with (a refused rating, a saved step) is brought into view and read
// out: on a phone it would otherwise sit below the fold.
document.addEventListener('DOMContentLoaded', function () {
  var m = document.querySelector('[data-focus]');
  if (m) { m.setAttribute('tabindex', '-1'); m.focus(); }
});
