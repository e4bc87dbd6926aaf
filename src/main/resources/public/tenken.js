// Tenken: enhancements only. Every form works without this script (CONTRACT §8).
(function () {
  document.documentElement.classList.add('js');
  // A form that cannot be undone (revoking a waiver) asks first; without the script it is sent as it is.
  document.addEventListener('submit', function (e) {
    var message = e.target.getAttribute && e.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) e.preventDefault();
  });
  function answerOf(item) {
    var checked = item.querySelector('input[type=radio]:checked');
    return checked ? checked.value : '';
  }
  function valueOf(item) {
    var v = item.querySelector('[data-field=value]');
    return v ? v.value : '';
  }
  function needsRemediation(item) {
    var a = answerOf(item);
    if (a === 'NO' || a === 'PARTIAL') return true;
    var v = valueOf(item), t = item.getAttribute('data-threshold');
    return a !== 'NA' && v !== '' && t !== null && t !== '' && Number(v) < Number(t);
  }
  function hasText(item) {
    return Array.prototype.some.call(item.querySelectorAll('.remediation textarea, .remediation input'),
      function (f) { return f.value !== ''; });
  }
  function refresh(form) {
    var items = form.querySelectorAll('[data-item-id]');
    var byId = {};
    items.forEach(function (item) { byId[item.getAttribute('data-item-id')] = item; });
    items.forEach(function (item) {
      // An organization-level item on a department's form shows the security office's answer, read-only.
      if (item.classList.contains('org-level')) return;
      var gate = byId[item.getAttribute('data-depends-on')];
      var closed = !!gate && (answerOf(gate) === 'NO' || answerOf(gate) === 'NA');
      item.classList.toggle('gated', closed);
      item.querySelectorAll('.controls input').forEach(function (input) {
        input.disabled = closed;
        if (closed && input.type === 'radio') input.checked = input.value === 'NA';
        if (closed && input.type === 'number') input.value = '';
      });
      item.querySelectorAll('.remediation').forEach(function (r) {
        r.hidden = closed || !(needsRemediation(item) || hasText(item));
      });
    });
    var total = 0, answered = 0, chapters = {};
    form.querySelectorAll('fieldset.chapter').forEach(function (chapter) {
      var n = 0, done = 0;
      chapter.querySelectorAll('[data-item-id]').forEach(function (item) {
        if (item.classList.contains('org-level')) return;
        n++;
        if (item.classList.contains('gated') || answerOf(item) !== '' || valueOf(item) !== '') done++;
      });
      total += n; answered += done;
      chapters[chapter.id] = done + '/' + n;
      var legend = chapter.querySelector('legend small span');
      if (legend) legend.textContent = done + ' / ' + n;
    });
    Object.keys(chapters).forEach(function (id) {
      var el = form.querySelector('[data-chapter-progress="' + id + '"]');
      if (el) el.textContent = chapters[id];
    });
    var all = form.querySelector('[data-progress=all]');
    if (all) all.textContent = answered + ' / ' + total;
  }
  // A refused login comes back with the name as it was typed (kept in this tab only, never in the
  // address), so only the password is typed again.
  document.addEventListener('DOMContentLoaded', function () {
    var login = document.querySelector('form[action="/login"]');
    if (!login || !window.sessionStorage) return;
    var name = login.querySelector('input[name=username]');
    login.addEventListener('submit', function () { sessionStorage.setItem('tenken.login-name', name.value); });
    var kept = sessionStorage.getItem('tenken.login-name');
    if (/[?&](error|locked)\b/.test(location.search) && kept && name.value === '') {
      name.value = kept;
      login.querySelector('input[name=password]').focus();
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('inspection-form');
    if (!form || form.querySelector('fieldset[disabled]')) return;
    form.addEventListener('change', function () { refresh(form); });
    form.addEventListener('input', function (e) { if (e.target.type === 'number') refresh(form); });
    refresh(form);
  });
})();
