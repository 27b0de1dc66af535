// The scan station: every label read (typed by a keyboard wedge, or passed on by camera.js) gets a scan id made when
// it was read and is sent to /scan/wedge; the answer is the new line (htmx fragment) with the count and the missing
// list out of band. A scan that fails on the network is sent again with the same id, so it never counts twice.
(function () {
  'use strict';
  var form = document.getElementById('wedge');
  var input = document.getElementById('scan-input');
  var list = document.getElementById('scan-lines');
  if (!form || !input || !list) {
    return;
  }

  function scanId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    // crypto.randomUUID needs a secure context; getRandomValues does not
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function csrf() {
    var name = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = {};
    if (name && token) {
      headers[name.content] = token.content;
    }
    return headers;
  }

  var audio = null;
  function beep(ok) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var now = audio.currentTime;
      var length = ok ? 0.12 : 0.4;
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = ok ? 'sine' : 'square';
      osc.frequency.setValueAtTime(ok ? 1320 : 220, now);
      gain.gain.setValueAtTime(0.12, now);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + length);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(now);
      osc.stop(now + length);
    } catch (e) {
      // no sound where the browser has no audio; the line says it all
    }
  }

  function body(label, id, source) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (key !== 'asset' && key !== 'label' && key !== 'scanId') {
        params.append(key, value);
      }
    });
    document.querySelectorAll('#scan-collected input[name="asset"]').forEach(function (asset) {
      params.append('asset', asset.value);
    });
    params.set('label', label);
    params.set('scanId', id);
    params.set('source', source);
    return params;
  }

  function send(label, id, source, attempt) {
    var headers = csrf();
    headers['HX-Request'] = 'true';
    headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    return fetch(form.action, { method: 'POST', headers: headers, body: body(label, id, source), credentials: 'same-origin' })
      .then(function (response) {
        if (response.redirected || response.status === 401 || response.status === 403) {
          window.location.reload();
          return;
        }
        return response.text().then(function (html) {
          var earlier = document.getElementById('scan-' + id);
          if (earlier) {
            earlier.remove();
          }
          window.htmx.swap(list, html, { swapStyle: 'afterbegin' });
          var line = document.getElementById('scan-' + id);
          beep(line !== null && line.classList.contains('ok'));
          document.dispatchEvent(new CustomEvent('azukari:scanned', { detail: { scanId: id } }));
        });
      })
      .catch(function () {
        if (attempt < 3) {
          return new Promise(function (resolve) { setTimeout(resolve, 500 * (attempt + 1)); })
            .then(function () { return send(label, id, source, attempt + 1); });
        }
      });
  }

  // one scan after another, in the order read
  var queue = Promise.resolve();
  window.azukariScan = function (label, source) {
    var id = scanId();
    queue = queue.then(function () { return send(label, id, source || 'wedge', 0); });
    return queue;
  };

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var value = input.value;
    input.value = '';
    input.focus();
    if (value.trim() !== '') {
      window.azukariScan(value, 'wedge');
    }
  });

  // ticking the handling acknowledgement (art. 2.2) gives the focus back to the wedge input
  var ack = form.querySelector('input[name="acknowledgedHandling"]');
  if (ack) {
    ack.addEventListener('change', function () { input.focus(); });
  }

  // the wedge input stays focused: a click on the page (not on another control) brings it back
  document.addEventListener('click', function (event) {
    if (!event.target.closest('input, select, textarea, button, a, label, video, summary')) {
      input.focus();
    }
  });
  window.addEventListener('focus', function () {
    if (document.activeElement === document.body) {
      input.focus();
    }
  });
})();
